package dev.tdeveloper.security.waf.body;

import java.util.Locale;

/**
 * The boundary of a {@code multipart/form-data} body, read from the {@code Content-Type} header
 * with ModSecurity's checks: the header is at most 1024 bytes, names {@code multipart/form-data},
 * holds exactly one {@code boundary} parameter (spelled in lower case), at most one {@code ;}
 * before it, no other parameter after it (the value runs to the end of the header), and the value
 * uses only RFC 2046 boundary characters. A quoted value, whitespace around {@code =} and a missing
 * {@code ;} are accepted but flagged. Immutable.
 *
 * @param value the boundary, without quotes; empty when {@code error} is set
 * @param error the {@code REQBODY_ERROR_MSG} when the header is unusable; empty otherwise
 * @param quoted {@code MULTIPART_BOUNDARY_QUOTED}
 * @param whitespace {@code MULTIPART_BOUNDARY_WHITESPACE}
 * @param missingSemicolon {@code MULTIPART_MISSING_SEMICOLON}
 */
record MultipartBoundary(
    String value, String error, boolean quoted, boolean whitespace, boolean missingSemicolon) {
  private static final String MIME = "multipart/form-data";
  private static final int MAX_HEADER = 1024;

  /** Reads the boundary of a {@code Content-Type} header (a byte string). */
  static MultipartBoundary of(String contentType) {
    if (contentType.isEmpty()) {
      return failed("Multipart: Content-Type header not available.");
    }
    if (contentType.length() > MAX_HEADER) {
      return failed("Multipart: Invalid boundary in C-T (length).");
    }
    if (!contentType.regionMatches(true, 0, MIME, 0, MIME.length())) {
      return failed("Multipart: Invalid MIME type.");
    }
    if (countBoundaryParams(contentType) > 1) {
      return failed("Multipart: Multiple boundary parameters in C-T.");
    }
    int at = contentType.indexOf("boundary");
    if (at < 0) {
      return failed(
          countBoundaryParams(contentType) > 0
              ? "Multipart: Invalid boundary in C-T (case sensitivity)."
              : "Multipart: Boundary not found in C-T.");
    }
    boolean semicolon = false;
    for (int i = MIME.length(); i < at; i++) {
      char c = contentType.charAt(i);
      if (!isSpace(c)) {
        if (c == ';' && !semicolon) {
          semicolon = true;
        } else {
          return failed("Multipart: Invalid boundary in C-T (malformed).");
        }
      }
    }
    int eq = contentType.indexOf('=', at + 8);
    if (eq < 0) {
      return failed("Multipart: Invalid boundary in C-T (malformed).");
    }
    boolean whitespace = false;
    for (int i = at + 8; i < eq; i++) {
      if (!isSpace(contentType.charAt(i))) {
        return failed("Multipart: Invalid boundary in C-T (parameter name).");
      }
      whitespace = true;
    }
    String raw = contentType.substring(eq + 1);
    if (!raw.isEmpty() && isSpace(raw.charAt(0))) {
      whitespace = true;
    }
    boolean quoted = raw.length() >= 2 && raw.charAt(0) == '"' && raw.endsWith("\"");
    String value;
    if (quoted) {
      value = raw.substring(1, raw.length() - 1);
    } else if (raw.startsWith("\"") || (raw.length() >= 2 && raw.endsWith("\""))) {
      return failed("Multipart: Invalid boundary in C-T (quote).");
    } else {
      value = raw;
    }
    if (value.isEmpty()) {
      return failed("Multipart: Invalid boundary in C-T (empty).");
    }
    if (countBoundaryParams(value) != 0) {
      return failed("Multipart: Invalid boundary in C-T (content).");
    }
    if (!validCharacters(value)) {
      return failed("Multipart: Invalid boundary in C-T (characters).");
    }
    return new MultipartBoundary(value, "", quoted, whitespace, !semicolon);
  }

  boolean failed() {
    return !error.isEmpty();
  }

  private static MultipartBoundary failed(String message) {
    return new MultipartBoundary("", message, false, false, false);
  }

  /** How many times {@code boundary} (any case) appears with a {@code =} somewhere after it. */
  private static int countBoundaryParams(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    int lastEq = lower.lastIndexOf('=');
    int count = 0;
    for (int i = lower.indexOf("boundary"); i >= 0; i = lower.indexOf("boundary", i + 8)) {
      if (lastEq > i + 7) {
        count++;
      }
    }
    return count;
  }

  /** RFC 2046's boundary characters; a space only when not last. */
  private static boolean validCharacters(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean ok =
          (c >= '0' && c <= '9')
              || (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c == ' ' && i + 1 < value.length())
              || "'()+_,-./:=?".indexOf(c) >= 0;
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** C's {@code isspace}: space, tab, LF, VT, FF, CR. */
  static boolean isSpace(int c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
  }
}
