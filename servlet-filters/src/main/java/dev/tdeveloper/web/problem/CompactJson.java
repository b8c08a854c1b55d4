package dev.tdeveloper.web.problem;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Renders the common shapes of a {@link ProblemDetails} as compact JSON without Jackson: the bytes
 * a default {@code ObjectMapper} writes for the same members, in the same order. It handles text
 * whose every character is ASCII, and extension values that are strings, booleans or integral JDK
 * numbers ({@link Integer}, {@link Long}, {@link Short}, {@link Byte}) and lists of those; for
 * anything else {@link #render} answers {@code null} and the caller falls back to Jackson.
 * Stateless and thread-safe.
 */
final class CompactJson {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private CompactJson() {}

  /** Returns the JSON of {@code problem}, or {@code null} if a member needs Jackson. */
  static byte[] render(ProblemDetails problem) {
    StringBuilder out = new StringBuilder(160);
    out.append("{\"type\":");
    if (!string(out, problem.type().toString())) {
      return null;
    }
    out.append(",\"title\":");
    if (!string(out, problem.title())) {
      return null;
    }
    out.append(",\"status\":").append(problem.status());
    if (problem.detail().isPresent()) {
      out.append(",\"detail\":");
      if (!string(out, problem.detail().get())) {
        return null;
      }
    }
    if (problem.instance().isPresent()) {
      out.append(",\"instance\":");
      if (!string(out, problem.instance().get().toString())) {
        return null;
      }
    }
    for (Map.Entry<String, Object> member : problem.extensions().entrySet()) {
      out.append(',');
      if (!string(out, member.getKey()) || !value(out.append(':'), member.getValue())) {
        return null;
      }
    }
    return out.append('}').toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  private static boolean value(StringBuilder out, Object value) {
    if (value instanceof String text) {
      return string(out, text);
    }
    if (value instanceof Long || value instanceof Integer) {
      out.append(((Number) value).longValue());
      return true;
    }
    if (value instanceof Short || value instanceof Byte) {
      out.append(((Number) value).intValue());
      return true;
    }
    if (value instanceof Boolean flag) {
      out.append(flag.booleanValue());
      return true;
    }
    if (value instanceof List<?> items) { // frozen extensions hold lists, never other collections
      out.append('[');
      for (int i = 0; i < items.size(); i++) {
        if (!value(i == 0 ? out : out.append(','), items.get(i))) {
          return false;
        }
      }
      out.append(']');
      return true;
    }
    return false;
  }

  /** Appends {@code text} quoted and escaped as Jackson does; false if it is not all ASCII. */
  private static boolean string(StringBuilder out, String text) {
    out.append('"');
    int plain = 0;
    while (plain < text.length() && isPlain(text.charAt(plain))) {
      plain++;
    }
    if (plain == text.length()) {
      out.append(text).append('"'); // the common case: the whole text, copied at once
      return true;
    }
    out.append(text, 0, plain);
    for (int i = plain; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 0x80) {
        return false;
      }
      if (isPlain(c)) {
        out.append(c);
        continue;
      }
      out.append('\\');
      switch (c) {
        case '"', '\\' -> out.append(c);
        case '\b' -> out.append('b');
        case '\t' -> out.append('t');
        case '\n' -> out.append('n');
        case '\f' -> out.append('f');
        case '\r' -> out.append('r');
        default -> out.append("u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
      }
    }
    out.append('"');
    return true;
  }

  /**
   * Whether Jackson writes {@code c} as itself: printable ASCII other than a quote or backslash.
   */
  private static boolean isPlain(char c) {
    return c >= 0x20 && c < 0x80 && c != '"' && c != '\\';
  }
}
