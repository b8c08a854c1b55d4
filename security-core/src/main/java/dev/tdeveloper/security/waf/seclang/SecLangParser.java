package dev.tdeveloper.security.waf.seclang;

import dev.tdeveloper.security.waf.WafException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads SecLang rule files as ModSecurity v3 reads them and produces the {@link RuleSet} the engine
 * compiles. Thread-safe and stateless: every call parses on its own.
 *
 * <p><b>Reading.</b> Files are read as byte strings (ISO-8859-1, one char per byte). A backslash
 * right before a line end joins the next line (inside quotes too); {@code #} starts a comment line;
 * arguments are blank-separated, double-quoted ones may hold blanks and {@code \"}, and their
 * content is kept as written (ModSecurity v3 does not unescape {@code \\} or {@code \"} in operator
 * parameters, unlike Apache's ModSecurity v2). Action values in single quotes may hold commas.
 * Names of directives, operators, variables, actions, transformations and ctl options are
 * case-insensitive and stored in the spelling of {@link SecLangNames}.
 *
 * <p><b>Refused, as {@link WafException} with {@code file:line: token: problem; allowed: ...}:</b>
 * unknown directives, operators, variables, collections, actions, transformations and ctl options
 * (with a did-you-mean), unterminated quotes, a rule without an id, duplicate ids, phases outside
 * 1-5, a chain whose last link has {@code chain}, an id, phase, skip, skipAfter or disruptive
 * action on a later chain link, a {@code skipAfter} to a marker that appears nowhere, an {@code
 * Include} of a missing file (an {@code IncludeOptional} of one is nothing) and include cycles.
 * Removals and target updates apply to the whole rule set whatever their position, as in
 * ModSecurity v3 (see {@link RuleSet}).
 */
public final class SecLangParser {
  /** A parser; it holds no state. */
  public SecLangParser() {}

  /**
   * Parses one file and what it includes.
   *
   * @param file the rule file
   * @return the rule set
   * @throws WafException naming file:line and the token for anything that cannot be loaded
   */
  public RuleSet parse(Path file) {
    return parse(List.of(file));
  }

  /**
   * Parses files in order, as one configuration (ids are unique across them, a {@code skipAfter}
   * may name a marker of a later file).
   *
   * @param files the rule files in load order
   * @return the rule set
   * @throws WafException naming file:line and the token for anything that cannot be loaded
   */
  public RuleSet parse(List<Path> files) {
    Objects.requireNonNull(files, "files");
    ParseSession session = new ParseSession();
    for (Path file : files) {
      session.file(Objects.requireNonNull(file, "file"), Optional.empty());
    }
    return session.build();
  }

  /**
   * Parses rules given as text, for tests and embedded rules.
   *
   * @param text the rules, one char per byte (see {@link dev.tdeveloper.security.waf.ByteStrings})
   * @param name the file name errors and {@link RuleSet#rulesPerFile()} use
   * @param baseDirectory the directory relative {@code Include}s are resolved against
   * @return the rule set
   * @throws WafException naming name:line and the token for anything that cannot be loaded
   */
  public RuleSet parse(String text, String name, Path baseDirectory) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(baseDirectory, "baseDirectory");
    ParseSession session = new ParseSession();
    session.text(text, name, baseDirectory);
    return session.build();
  }

  /**
   * The files of the OWASP Core Rule Set in the order of its {@code owasp-crs.load}: {@code
   * crs-setup.conf}, {@code REQUEST-900-EXCLUSION-RULES-BEFORE-CRS.conf} when present, every {@code
   * rules/*.conf} in sorted order, {@code RESPONSE-999-EXCLUSION-RULES-AFTER-CRS.conf} when
   * present.
   *
   * @param crsDirectory the CRS directory holding {@code rules/} (Debian: {@code
   *     /usr/share/modsecurity-crs})
   * @param setupDirectory the directory holding {@code crs-setup.conf} (Debian: {@code
   *     /etc/modsecurity/crs})
   * @return the files in load order
   * @throws WafException when {@code crs-setup.conf} or the rules are missing
   */
  public static List<Path> crsFiles(Path crsDirectory, Path setupDirectory) {
    Location at = new Location("owasp-crs.load", 1);
    List<Path> files = new ArrayList<>();
    files.addAll(Includes.expand("crs-setup.conf", setupDirectory, true, at));
    files.addAll(
        Includes.expand("REQUEST-900-EXCLUSION-RULES-BEFORE-CRS.conf", setupDirectory, false, at));
    files.addAll(Includes.expand("rules/*.conf", crsDirectory, true, at));
    files.addAll(
        Includes.expand("RESPONSE-999-EXCLUSION-RULES-AFTER-CRS.conf", setupDirectory, false, at));
    if (!Files.isDirectory(crsDirectory)) {
      throw new WafException(crsDirectory + ": not a directory; allowed: the CRS directory");
    }
    return List.copyOf(files);
  }
}
