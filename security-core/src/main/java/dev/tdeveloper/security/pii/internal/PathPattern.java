package dev.tdeveloper.security.pii.internal;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A case-insensitive pattern over the field-name path of a JSON value ({@code user.email}; array
 * indexes add no segment): segments separated by dots, {@code *} for any one segment, {@code **}
 * for any number (zero included). A pattern of one plain name matches that field at any depth, as
 * {@code **.name} does. Immutable and thread-safe; matching is O(segments x depth).
 */
public final class PathPattern {
  private static final int MAX_SEGMENTS = 32;

  private final String text;
  private final String[] segments;

  private PathPattern(String text, String[] segments) {
    this.text = text;
    this.segments = segments;
  }

  /**
   * Parses a pattern.
   *
   * @throws IllegalArgumentException naming the pattern and what is wrong with it
   */
  public static PathPattern parse(String pattern) {
    Objects.requireNonNull(pattern, "pattern");
    String[] parts = pattern.split("\\.", -1);
    if (pattern.isBlank() || parts.length > MAX_SEGMENTS) {
      throw new IllegalArgumentException(
          "field pattern must have 1 to " + MAX_SEGMENTS + " segments, was '" + pattern + "'");
    }
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i].strip();
      if (part.isEmpty()) {
        throw new IllegalArgumentException(
            "field pattern '" + pattern + "' has an empty segment at position " + (i + 1));
      }
      if (part.contains("*") && !part.equals("*") && !part.equals("**")) {
        throw new IllegalArgumentException(
            "field pattern '"
                + pattern
                + "': '"
                + part
                + "' mixes '*' with a name; use '*' (one segment) or '**' (any number)");
      }
      parts[i] = part.toLowerCase(Locale.ROOT);
    }
    if (parts.length == 1 && !parts[0].startsWith("*")) {
      parts = new String[] {"**", parts[0]};
    }
    return new PathPattern(pattern, parts);
  }

  /** Returns whether {@code path} (lowercase field names from the root) matches. */
  public boolean matches(List<String> path) {
    int n = path.size();
    // reach[j]: the first i segments of the pattern can match the first j names of the path.
    boolean[] reach = new boolean[n + 1];
    reach[0] = true;
    for (String segment : segments) {
      boolean[] next = new boolean[n + 1];
      for (int j = 0; j <= n; j++) {
        if (segment.equals("**")) {
          next[j] = reach[j] || (j > 0 && next[j - 1]);
        } else if (j > 0 && reach[j - 1]) {
          next[j] = segment.equals("*") || segment.equals(path.get(j - 1));
        }
      }
      reach = next;
    }
    return reach[n];
  }

  @Override
  public String toString() {
    return text;
  }
}
