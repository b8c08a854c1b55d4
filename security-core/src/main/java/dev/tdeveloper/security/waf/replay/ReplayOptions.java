package dev.tdeveloper.security.waf.replay;

import dev.tdeveloper.security.waf.EngineMode;
import dev.tdeveloper.security.waf.WafConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The command line of {@link WafReplay}. Each option but {@code --rules} may be given once; a bad
 * option is an {@link IllegalArgumentException} whose message is shown above the usage.
 */
record ReplayOptions(
    boolean help,
    boolean crs,
    Path crsDir,
    Path setupDir,
    List<Path> rules,
    OptionalInt paranoia,
    Optional<EngineMode> mode,
    OptionalInt threshold,
    Optional<Path> input) {

  static final String DEFAULT_CRS = "/usr/share/modsecurity-crs";
  static final String DEFAULT_SETUP = "/etc/modsecurity/crs";

  static final String USAGE =
      """
      usage: WafReplay [options] [FILE]
        Reads requests as JSON lines from FILE (or stdin when absent or "-") and prints one JSON
        line per request: id, matched rule ids, inbound anomaly score, decision. Format:
        docs/waf-replay.md.
      options:
        --crs DIR          CRS rules directory (holding rules/); default %s
        --setup DIR        directory of crs-setup.conf; default %s
        --no-crs           do not load the CRS (needs --rules)
        --rules FILE       a SecLang rule file, loaded after the CRS; repeatable
        --paranoia N       CRS paranoia level, 1 to 4; default 1
        --mode MODE        On or DetectionOnly; default: the rules' SecRuleEngine
        --threshold N      inbound anomaly score threshold, >= 1; default 5
        --help             this text
      exit codes: 0 all lines replayed, 1 some line malformed, 2 bad options, 3 rules or input
        could not be read (or the engine failed on a request)
      """
          .formatted(DEFAULT_CRS, DEFAULT_SETUP);

  static ReplayOptions parse(String[] args) {
    boolean help = false;
    boolean noCrs = false;
    Path crsDir = null;
    Path setupDir = null;
    List<Path> rules = new ArrayList<>();
    OptionalInt paranoia = OptionalInt.empty();
    Optional<EngineMode> mode = Optional.empty();
    OptionalInt threshold = OptionalInt.empty();
    Path input = null;
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.startsWith("--") && !arg.equals("--rules") && !seen.add(arg)) {
        throw new IllegalArgumentException(arg + ": given twice; allowed: once");
      }
      switch (arg) {
        case "--help", "-h" -> help = true;
        case "--no-crs" -> noCrs = true;
        case "--crs" -> crsDir = Path.of(value(args, ++i, arg));
        case "--setup" -> setupDir = Path.of(value(args, ++i, arg));
        case "--rules" -> rules.add(existingFile(value(args, ++i, arg), arg));
        case "--paranoia" -> paranoia = OptionalInt.of(number(value(args, ++i, arg), arg, 1, 4));
        case "--threshold" ->
            threshold = OptionalInt.of(number(value(args, ++i, arg), arg, 1, Integer.MAX_VALUE));
        case "--mode" -> mode = Optional.of(mode(value(args, ++i, arg)));
        default -> {
          if (arg.startsWith("-") && !arg.equals("-")) {
            throw new IllegalArgumentException(
                arg
                    + ": unknown option; allowed: --crs, --setup, --no-crs, --rules, --paranoia,"
                    + " --mode, --threshold, --help");
          }
          if (input != null) {
            throw new IllegalArgumentException(arg + ": a second input file; allowed: one FILE");
          }
          input = arg.equals("-") ? Path.of("-") : existingFile(arg, "FILE");
        }
      }
    }
    if (!help && noCrs && (crsDir != null || setupDir != null)) {
      throw new IllegalArgumentException("--no-crs: conflicts with --crs and --setup");
    }
    if (!help && noCrs && rules.isEmpty()) {
      throw new IllegalArgumentException("--no-crs: no rules left; allowed: with --rules FILE");
    }
    return new ReplayOptions(
        help,
        !noCrs,
        crsDir == null ? Path.of(DEFAULT_CRS) : crsDir,
        setupDir == null ? Path.of(DEFAULT_SETUP) : setupDir,
        List.copyOf(rules),
        paranoia,
        mode,
        threshold,
        input == null || input.toString().equals("-") ? Optional.empty() : Optional.of(input));
  }

  /** The WAF configuration these options ask for, on top of {@link WafConfig#defaults()}. */
  WafConfig config() {
    WafConfig d = WafConfig.defaults();
    return new WafConfig(
        mode,
        paranoia.orElse(d.paranoiaLevel()),
        threshold.orElse(d.inboundThreshold()),
        d.outboundThreshold(),
        d.requestBodyAccess(),
        d.requestBodyLimit(),
        d.requestBodyLimitReject(),
        d.responseBodyAccess(),
        d.jsonAndXmlByContentType(),
        d.clock(),
        d.ticker());
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length || args[i].startsWith("--")) {
      throw new IllegalArgumentException(option + ": missing value");
    }
    return args[i];
  }

  private static Path existingFile(String value, String option) {
    Path path = Path.of(value);
    if (!Files.isRegularFile(path)) {
      throw new IllegalArgumentException(option + ": " + value + ": no such file");
    }
    return path;
  }

  private static int number(String value, String option, int min, int max) {
    int n;
    try {
      n = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      n = Integer.MIN_VALUE;
    }
    if (n < min || n > max) {
      String range = max == Integer.MAX_VALUE ? ">= " + min : min + " to " + max;
      throw new IllegalArgumentException(option + ": " + value + "; allowed: " + range);
    }
    return n;
  }

  private static EngineMode mode(String value) {
    if (value.equalsIgnoreCase("On")) {
      return EngineMode.ON;
    }
    if (value.equalsIgnoreCase("DetectionOnly")) {
      return EngineMode.DETECTION_ONLY;
    }
    throw new IllegalArgumentException("--mode: " + value + "; allowed: On, DetectionOnly");
  }
}
