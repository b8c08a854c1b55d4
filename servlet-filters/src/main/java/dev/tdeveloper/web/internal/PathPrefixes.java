package dev.tdeveloper.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Path prefixes that filters match on whole segments against the container-decoded, normalized path
 * within the context ({@code getServletPath() + getPathInfo()}), the same path the container maps
 * servlets with, so encoding tricks cannot slip past a prefix. Stateless and thread-safe.
 */
public final class PathPrefixes {
  // One or more path segments of RFC 3986 pchars (no '%', so no encoded tricks), no dot segments.
  private static final Pattern PREFIX = Pattern.compile("(/[A-Za-z0-9._~!$&'()*+,;=:@-]+)+/?");

  private PathPrefixes() {}

  /**
   * Returns {@code prefix} without a trailing {@code /}.
   *
   * @param what names the setting in the message, such as {@code "excluded path prefix"}
   * @throws IllegalArgumentException if {@code prefix} is not one or more {@code /segment}s of
   *     unreserved URI characters (no {@code %}, {@code ?}, {@code #}, {@code .} or {@code ..}
   *     segments), or is {@code /} alone
   */
  public static String normalize(String what, String prefix) {
    Objects.requireNonNull(prefix, "prefix");
    if (!PREFIX.matcher(prefix).matches()
        || Arrays.stream(prefix.split("/")).anyMatch(s -> s.equals(".") || s.equals(".."))) {
      throw new IllegalArgumentException(
          what
              + " must be one or more '/segment's without '%', '?', '#' or dot segments (for"
              + " example /health), was "
              + SafeText.quote(prefix));
    }
    return prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
  }

  /** Returns the decoded, normalized path of {@code request} within its context. */
  public static String pathOf(HttpServletRequest request) {
    String servletPath = request.getServletPath();
    String pathInfo = request.getPathInfo();
    return (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
  }

  /**
   * Returns whether {@code path} is {@code prefix} or continues it with {@code /} ({@code /ops}
   * matches {@code /ops} and {@code /ops/x}, not {@code /opsx}).
   */
  public static boolean matches(String path, String prefix) {
    return path.startsWith(prefix)
        && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/');
  }
}
