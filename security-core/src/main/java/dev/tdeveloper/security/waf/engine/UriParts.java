package dev.tdeveloper.security.waf.engine;

/**
 * The variables ModSecurity v3 derives from the request URI as sent ({@code processURI}), all byte
 * strings:
 *
 * <ul>
 *   <li>{@code REQUEST_URI_RAW}: the URI exactly as sent, fragment and any scheme and host
 *       included;
 *   <li>{@code REQUEST_URI}: the URI without its fragment, percent-decoded ({@code %XX} only,
 *       {@code +} kept), with a leading {@code scheme://host} removed — libmodsecurity3 decodes it,
 *       unlike ModSecurity 2;
 *   <li>{@code QUERY_STRING}: the raw text after the first {@code ?} (fragment removed), not
 *       decoded;
 *   <li>{@code REQUEST_FILENAME} and {@code PATH_INFO}: the raw path before the first {@code ?},
 *       then percent-decoded (so an encoded {@code %3f} stays in the path, as ModSecurity 3.0.13
 *       does);
 *   <li>{@code REQUEST_BASENAME}: what follows the last {@code /} or {@code \} of that path (the
 *       whole path when there is none, or when it ends with a separator).
 * </ul>
 *
 * Immutable.
 */
record UriParts(String raw, String uri, String filename, String basename, String query) {
  /** No URI yet: every part empty. */
  static final UriParts EMPTY = new UriParts("", "", "", "", "");

  /**
   * Parses a URI as sent on the request line.
   *
   * @param raw the URI, a byte string
   * @return its parts
   */
  static UriParts parse(String raw) {
    int hash = raw.indexOf('#');
    String noFragment = hash < 0 ? raw : raw.substring(0, hash);
    int q = noFragment.indexOf('?');
    String rawPath = q < 0 ? noFragment : noFragment.substring(0, q);
    String query = q < 0 ? "" : noFragment.substring(q + 1);
    String path = percentDecode(rawPath);
    int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
    String basename = slash >= 0 && slash + 1 < path.length() ? path.substring(slash + 1) : path;
    return new UriParts(raw, stripSchemeAndHost(percentDecode(noFragment)), path, basename, query);
  }

  /** Removes {@code scheme://host} from an absolute URI, keeping the path from its first slash. */
  private static String stripSchemeAndHost(String decoded) {
    if (decoded.isEmpty() || decoded.charAt(0) == '/') {
      return decoded;
    }
    int colon = decoded.indexOf(':');
    if (colon < 0 || !decoded.startsWith("//", colon + 1)) {
      return decoded;
    }
    int path = decoded.indexOf('/', colon + 3);
    return path < 0 ? decoded : decoded.substring(path);
  }

  /**
   * Decodes {@code %XX} escapes of a byte string; an invalid escape stays as it is and {@code +} is
   * not a space (ModSecurity's {@code uri_decode}, unlike form decoding).
   *
   * @param s a byte string
   * @return the decoded byte string; {@code s} itself when it holds no {@code %}
   */
  static String percentDecode(String s) {
    int i = s.indexOf('%');
    if (i < 0) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length());
    b.append(s, 0, i);
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      int hi;
      int lo;
      if (c == '%'
          && i + 2 < s.length()
          && (hi = hex(s.charAt(i + 1))) >= 0
          && (lo = hex(s.charAt(i + 2))) >= 0) {
        b.append((char) (hi * 16 + lo));
        i += 2;
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  private static int hex(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }
}
