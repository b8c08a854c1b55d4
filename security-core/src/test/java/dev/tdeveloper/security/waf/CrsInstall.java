package dev.tdeveloper.security.waf;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the installed OWASP CRS 3.3.4 is (Debian's {@code modsecurity-crs}, or the system
 * properties {@code tdeveloper.crs.dir} and {@code tdeveloper.crs.setup}). Tests that need it fail
 * without it, saying how to install it; they never skip.
 */
public final class CrsInstall {
  private CrsInstall() {}

  /**
   * The CRS directory, holding {@code rules/}.
   *
   * @return the directory
   * @throws AssertionError when the rules are not installed
   */
  public static Path crsDir() {
    Path dir = Path.of(System.getProperty("tdeveloper.crs.dir", "/usr/share/modsecurity-crs"));
    if (!Files.isRegularFile(dir.resolve("rules").resolve("lfi-os-files.data"))) {
      throw new AssertionError(
          "CRS 3.3.4 not found in "
              + dir
              + ": apt-get install modsecurity-crs (or set -Dtdeveloper.crs.dir)");
    }
    return dir;
  }

  /**
   * The CRS rules directory, {@code crsDir()/rules}.
   *
   * @return the directory
   */
  public static Path rulesDir() {
    return crsDir().resolve("rules");
  }

  /**
   * The setup directory, holding {@code crs-setup.conf}.
   *
   * @return the directory
   * @throws AssertionError when it is not installed
   */
  public static Path setupDir() {
    Path dir = Path.of(System.getProperty("tdeveloper.crs.setup", "/etc/modsecurity/crs"));
    if (!Files.isRegularFile(dir.resolve("crs-setup.conf"))) {
      throw new AssertionError(
          "crs-setup.conf not found in "
              + dir
              + ": apt-get install modsecurity-crs (or set -Dtdeveloper.crs.setup)");
    }
    return dir;
  }
}
