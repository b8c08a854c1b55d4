package dev.tdeveloper.security.waf.transform;

/**
 * {@code normalizePath} and {@code normalizePathWin}: ModSecurity's path normalisation, which
 * removes self references ({@code /./}), resolves back references ({@code /a/../}) without going
 * above the root, and collapses repeated slashes; the Windows variant first turns backslashes into
 * slashes. A relative path keeps the back references it cannot resolve ({@code ../../x}), an
 * absolute one drops them ({@code /../x} gives {@code /x}); a trailing slash is kept only when the
 * input had one. Stateless.
 */
final class PathNormalizer {
  private PathNormalizer() {}

  /** {@code normalizePath} (alias {@code normalisePath}). */
  static String normalizePath(String s) {
    return normalize(s, false);
  }

  /** {@code normalizePathWin} (alias {@code normalisePathWin}). */
  static String normalizePathWin(String s) {
    return normalize(s, true);
  }

  private static boolean isSlash(char c, boolean win) {
    return c == '/' || (win && c == '\\');
  }

  private static String normalize(String s, boolean win) {
    int n = s.length();
    if (n == 0 || !hasPathSyntax(s, win)) {
      return s;
    }
    char[] b = s.toCharArray();
    int end = n - 1;
    int src = 0;
    int dst = 0;
    boolean hitRoot = false;
    boolean done = false;
    boolean relative = !isSlash(b[0], win);
    boolean trailing = isSlash(b[end], win);
    while (!done && src <= end && dst <= end) {
      if (win) {
        if (b[src] == '\\') {
          b[src] = '/';
        }
        if (src < end && b[src + 1] == '\\') {
          b[src + 1] = '/';
        }
      }
      boolean atSegmentEnd;
      if (src == end) {
        done = true;
        atSegmentEnd = true;
      } else {
        atSegmentEnd = b[src + 1] == '/';
      }
      if (atSegmentEnd && !(src != end && b[src] == '/')) {
        if (b[src] == '.') {
          if (dst > 0 && b[dst - 1] == '.') {
            // A back reference: drop it and the segment before, unless nothing can be dropped.
            if (!(relative && (hitRoot || dst - 2 <= 0))) {
              dst -= 3;
              while (dst > 0 && b[dst] != '/') {
                dst--;
              }
              if (dst <= 0) {
                hitRoot = true;
                dst = !relative && src == end ? 1 : 0;
              }
              if (done) {
                continue;
              }
              src++;
            } else {
              hitRoot = true;
            }
          } else if (dst == 0) {
            // A self reference at the start of a relative path.
            if (done) {
              continue;
            }
            src++;
          } else if (b[dst - 1] == '/') {
            // A self reference after a slash.
            if (done) {
              continue;
            }
            dst--;
            src++;
          }
        } else if (dst > 0) {
          hitRoot = false;
        }
      }
      if (b[src] == '/') {
        while (src < end && isSlash(b[src + 1], win)) {
          src++;
        }
        if (relative && dst == 0) {
          src++;
          continue;
        }
      }
      b[dst++] = b[src++];
    }
    if (!trailing && dst > 0 && b[dst - 1] == '/') {
      dst--;
    }
    String result = new String(b, 0, dst);
    return result.equals(s) ? s : result;
  }

  /** Without a slash or a dot (or a backslash on Windows) the normalised path is the input. */
  private static boolean hasPathSyntax(String s, boolean win) {
    return s.indexOf('/') >= 0 || s.indexOf('.') >= 0 || (win && s.indexOf('\\') >= 0);
  }
}
