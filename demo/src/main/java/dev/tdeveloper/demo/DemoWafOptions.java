package dev.tdeveloper.demo;

import dev.tdeveloper.security.waf.EngineMode;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * How the demo runs its WAF in front of the notes API.
 *
 * @param mode {@link EngineMode#ON} (block), {@link EngineMode#DETECTION_ONLY} (log only) or {@link
 *     EngineMode#OFF} (no WAF filter at all, for throughput comparisons); a tenant's {@code
 *     waf.mode} setting overrides the first two for its own requests
 * @param crsDir the OWASP CRS 3.3.4 directory holding {@code rules/} ({@value #DEFAULT_CRS_DIR} by
 *     default, Debian's {@code modsecurity-crs} package); when it has no {@code rules/}, the demo
 *     runs the bundled baseline set instead
 * @param crsSetup the directory holding {@code crs-setup.conf} ({@value #DEFAULT_CRS_SETUP} by
 *     default)
 */
public record DemoWafOptions(EngineMode mode, Path crsDir, Path crsSetup) {
  /** Debian's CRS rules directory: {@value}. */
  static final String DEFAULT_CRS_DIR = "/usr/share/modsecurity-crs";

  /** Debian's CRS setup directory: {@value}. */
  static final String DEFAULT_CRS_SETUP = "/etc/modsecurity/crs";

  /** The environment variable read for the mode when {@code --waf} is not given: {@value}. */
  static final String MODE_ENV = "DEMO_WAF";

  /** The environment variable read for the CRS directory when no option gives it: {@value}. */
  static final String CRS_DIR_ENV = "DEMO_CRS_DIR";

  /**
   * The environment variable read for the CRS setup directory when no option gives it: {@value}.
   */
  static final String CRS_SETUP_ENV = "DEMO_CRS_SETUP";

  /** Validates. */
  public DemoWafOptions {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(crsDir, "crsDir");
    Objects.requireNonNull(crsSetup, "crsSetup");
  }

  /** The WAF on, with the CRS where Debian installs it. */
  static DemoWafOptions defaults() {
    return new DemoWafOptions(EngineMode.ON, Path.of(DEFAULT_CRS_DIR), Path.of(DEFAULT_CRS_SETUP));
  }

  /**
   * The options given on the command line ({@code null} when absent), else by the environment, else
   * the defaults.
   *
   * @throws IllegalArgumentException naming a bad mode
   */
  static DemoWafOptions of(String mode, String crsDir, String crsSetup, UnaryOperator<String> env) {
    String m = mode != null ? mode : env.apply(MODE_ENV);
    String dir = crsDir != null ? crsDir : env.apply(CRS_DIR_ENV);
    String setup = crsSetup != null ? crsSetup : env.apply(CRS_SETUP_ENV);
    return new DemoWafOptions(
        m == null ? EngineMode.ON : parseMode(m),
        Path.of(dir == null ? DEFAULT_CRS_DIR : dir),
        Path.of(setup == null ? DEFAULT_CRS_SETUP : setup));
  }

  /** Returns a copy in {@code newMode}. */
  DemoWafOptions withMode(EngineMode newMode) {
    return new DemoWafOptions(newMode, crsDir, crsSetup);
  }

  /** Returns a copy reading the CRS from {@code dir} and its setup from {@code setup}. */
  DemoWafOptions withCrs(Path dir, Path setup) {
    return new DemoWafOptions(mode, dir, setup);
  }

  /**
   * Parses {@code on}, {@code detection-only} or {@code off} (any case; {@code DetectionOnly} as
   * SecLang spells it is accepted too).
   *
   * @throws IllegalArgumentException naming the value and the allowed ones
   */
  static EngineMode parseMode(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "on" -> EngineMode.ON;
      case "detection-only", "detectiononly" -> EngineMode.DETECTION_ONLY;
      case "off" -> EngineMode.OFF;
      default ->
          throw new IllegalArgumentException(
              "--waf must be on, detection-only or off, was '" + value + "'");
    };
  }
}
