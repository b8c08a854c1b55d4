package dev.tdeveloper.benchmarks.waf;

import dev.tdeveloper.security.waf.Waf;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the installed OWASP CRS 3.3.4 is, read from the system properties {@code
 * tdeveloper.crs.dir} (default {@code /usr/share/modsecurity-crs}) and {@code tdeveloper.crs.setup}
 * (default {@code /etc/modsecurity/crs}), as security-core's tests read them. Stateless.
 */
final class Crs {
  private Crs() {}

  /**
   * The directory holding {@code rules/}.
   *
   * @return the directory
   * @throws IllegalStateException naming the package to install when it is missing
   */
  static Path rulesDir() {
    Path dir = Path.of(System.getProperty("tdeveloper.crs.dir", "/usr/share/modsecurity-crs"));
    if (!Files.isDirectory(dir.resolve("rules"))) {
      throw new IllegalStateException(
          "CRS 3.3.4 not found in " + dir + ": apt-get install modsecurity-crs");
    }
    return dir;
  }

  /**
   * The directory holding {@code crs-setup.conf}.
   *
   * @return the directory
   */
  static Path setupDir() {
    return Path.of(System.getProperty("tdeveloper.crs.setup", "/etc/modsecurity/crs"));
  }

  /**
   * Loads the whole CRS with the default configuration (paranoia level 1, engine On), with the
   * per-tenant value memo unless the system property {@code tdeveloper.waf.memo} is {@code off}.
   *
   * @return the WAF
   */
  static Waf load() {
    var builder = Waf.builder().crs(rulesDir(), setupDir());
    if ("off".equals(System.getProperty("tdeveloper.waf.memo"))) {
      builder.noValueMemo();
    }
    return builder.build();
  }
}
