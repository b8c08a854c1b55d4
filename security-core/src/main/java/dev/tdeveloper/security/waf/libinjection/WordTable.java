package dev.tdeveloper.security.waf.libinjection;

import java.util.Locale;
import java.util.Map;

/**
 * An immutable, allocation-free, ASCII case-insensitive lookup from words (or two words joined by
 * one space) to a one-character class. Lookups read the words straight out of the input string; NUL
 * characters inside a word are ignored (libinjection compares tag names that way). Thread-safe.
 */
final class WordTable {
  private final String[] keys;
  private final char[] values;
  private final int mask;

  WordTable(Map<String, Character> entries) {
    int size = Integer.highestOneBit(Math.max(4, entries.size() * 4) - 1) << 1;
    keys = new String[size];
    values = new char[size];
    mask = size - 1;
    for (Map.Entry<String, Character> e : entries.entrySet()) {
      String key = e.getKey().toUpperCase(Locale.ROOT);
      int h = hash(key, 0, key.length(), -1, -1) & mask;
      while (keys[h] != null && !keys[h].equals(key)) {
        h = (h + 1) & mask;
      }
      keys[h] = key;
      values[h] = e.getValue();
    }
  }

  /** The class of {@code s[start, end)}, or 0 when absent. */
  char get(String s, int start, int end) {
    return get(s, start, end, -1, -1);
  }

  /**
   * The class of the words {@code s[start, end)} and {@code s[start2, end2)} joined by one space
   * (the second range is ignored when {@code start2 < 0}), or 0 when absent.
   */
  char get(String s, int start, int end, int start2, int end2) {
    int h = hash(s, start, end, start2, end2) & mask;
    String k;
    while ((k = keys[h]) != null) {
      if (matches(k, s, start, end, start2, end2)) {
        return values[h];
      }
      h = (h + 1) & mask;
    }
    return 0;
  }

  private static int hash(String s, int start, int end, int start2, int end2) {
    int h = mix(0, s, start, end);
    if (start2 >= 0) {
      h = mix(h * 31 + ' ', s, start2, end2);
    }
    return h ^ (h >>> 16);
  }

  private static int mix(int h, String s, int start, int end) {
    for (int i = start; i < end; i++) {
      char c = s.charAt(i);
      if (c != 0) {
        h = h * 31 + upper(c);
      }
    }
    return h;
  }

  private static boolean matches(String k, String s, int start, int end, int start2, int end2) {
    int j = compare(k, 0, s, start, end);
    if (j < 0) {
      return false;
    }
    if (start2 >= 0) {
      if (j >= k.length() || k.charAt(j) != ' ') {
        return false;
      }
      j = compare(k, j + 1, s, start2, end2);
      if (j < 0) {
        return false;
      }
    }
    return j == k.length();
  }

  /** Compares {@code s[start,end)} against {@code k} from {@code j}; next index of k, or -1. */
  private static int compare(String k, int j, String s, int start, int end) {
    for (int i = start; i < end; i++) {
      char c = s.charAt(i);
      if (c == 0) {
        continue;
      }
      if (j >= k.length() || k.charAt(j) != upper(c)) {
        return -1;
      }
      j++;
    }
    return j;
  }

  static char upper(char c) {
    return c >= 'a' && c <= 'z' ? (char) (c - 32) : c;
  }
}
