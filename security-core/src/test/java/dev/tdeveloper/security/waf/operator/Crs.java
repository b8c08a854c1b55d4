package dev.tdeveloper.security.waf.operator;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the installed CRS 3.3.4 is; tests that need it fail (never skip) without it. */
final class Crs {
  private Crs() {}

  static Path rulesDir() {
    Path dir =
        Path.of(System.getProperty("tdeveloper.crs.dir", "/usr/share/modsecurity-crs"), "rules");
    if (!Files.isRegularFile(dir.resolve("lfi-os-files.data"))) {
      throw new AssertionError(
          "CRS 3.3.4 not found in "
              + dir
              + ": apt-get install modsecurity-crs"
              + " (or set -Dtdeveloper.crs.dir)");
    }
    return dir;
  }
}
