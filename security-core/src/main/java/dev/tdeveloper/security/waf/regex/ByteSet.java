package dev.tdeveloper.security.waf.regex;

/**
 * A set of byte values 0..255 (a PCRE character class in non-UTF mode), built while parsing and
 * never changed after the parser hands it to a node. Not thread-safe while being built.
 */
final class ByteSet {
  private final long[] words = new long[4];

  static ByteSet of(int c) {
    ByteSet s = new ByteSet();
    s.add(c);
    return s;
  }

  static ByteSet range(int from, int to) {
    ByteSet s = new ByteSet();
    s.addRange(from, to);
    return s;
  }

  /** Digits, as PCRE's {@code \d} with its default (C locale) tables. */
  static ByteSet digit() {
    return range('0', '9');
  }

  /** ASCII letters, digits and underscore: PCRE's {@code \w} with its default tables. */
  static ByteSet word() {
    ByteSet s = range('0', '9');
    s.addRange('A', 'Z');
    s.addRange('a', 'z');
    s.add('_');
    return s;
  }

  /** PCRE 8.34+ {@code \s}: HT, LF, VT, FF, CR and space (RE2's {@code \s} lacks VT). */
  static ByteSet space() {
    ByteSet s = range(9, 13);
    s.add(' ');
    return s;
  }

  /** PCRE's {@code \h} in non-UTF mode: HT, space and NBSP (0xA0). */
  static ByteSet horizontalSpace() {
    ByteSet s = of(9);
    s.add(' ');
    s.add(0xA0);
    return s;
  }

  /** PCRE's {@code \v} in non-UTF mode: LF, VT, FF, CR and NEL (0x85). */
  static ByteSet verticalSpace() {
    ByteSet s = range(10, 13);
    s.add(0x85);
    return s;
  }

  void add(int c) {
    words[c >>> 6] |= 1L << (c & 63);
  }

  void addRange(int from, int to) {
    for (int c = from; c <= to; c++) {
      add(c);
    }
  }

  void addAll(ByteSet other) {
    for (int i = 0; i < 4; i++) {
      words[i] |= other.words[i];
    }
  }

  /** Bits {@code 64 * i} to {@code 64 * i + 63} of the set. */
  long word(int i) {
    return words[i];
  }

  boolean contains(int c) {
    return c >= 0 && c < 256 && (words[c >>> 6] & (1L << (c & 63))) != 0;
  }

  /** The complement within 0..255, as a new set. */
  ByteSet complement() {
    ByteSet s = new ByteSet();
    for (int i = 0; i < 4; i++) {
      s.words[i] = ~words[i];
    }
    return s;
  }

  /** Adds the other case of every ASCII letter in the set: PCRE's caseless mode without UTF. */
  void foldAsciiCase() {
    for (int c = 'A'; c <= 'Z'; c++) {
      if (contains(c) || contains(c + 32)) {
        add(c);
        add(c + 32);
      }
    }
  }

  int size() {
    int n = 0;
    for (long w : words) {
      n += Long.bitCount(w);
    }
    return n;
  }

  /** The only member when the set has exactly one, else -1. */
  int single() {
    if (size() != 1) {
      return -1;
    }
    for (int i = 0; i < 4; i++) {
      if (words[i] != 0) {
        return i * 64 + Long.numberOfTrailingZeros(words[i]);
      }
    }
    return -1;
  }
}
