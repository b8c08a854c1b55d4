package dev.tdeveloper.security.waf.engine;

import java.util.function.Function;

/**
 * What a function made of a string, kept for the next call with an equal string: for values rules
 * build from request data that repeats request after request (a header name's target name, the key
 * a setvar builds from it). A {@value #WAYS}-way set-associative table of {@value #SIZE} entries (a
 * new entry displaces the oldest of its set); strings longer than {@value #LONGEST} chars are not
 * kept, so a table holds a few KiB at most whatever requests send.
 *
 * <p>Thread-safe: entries are immutable (final fields) and published by plain array writes, so a
 * reader sees a whole entry, another one or none, and checks its string before using it. The
 * function must give equal answers for equal strings and have no side effects; it may run more than
 * once for a string.
 *
 * @param <V> what is made of a string
 */
final class StringMemo<V> {
  static final int SET_BITS = 6;
  static final int WAYS = 4;
  static final int SIZE = WAYS << SET_BITS;
  static final int LONGEST = 128;

  private final Function<String, V> make;
  private final Entry<?>[] table = new Entry<?>[SIZE];

  private record Entry<V>(String source, V value) {}

  /**
   * An empty memo.
   *
   * @param make what to make of a string not kept
   */
  StringMemo(Function<String, V> make) {
    this.make = make;
  }

  /**
   * What the function makes of a string, kept or made now.
   *
   * @param source the string
   * @return the function's answer for it
   */
  @SuppressWarnings("unchecked")
  V get(String source) {
    // Fibonacci hashing: the product's top bits mix every bit of the hash.
    int at = ((source.hashCode() * 0x9E3779B9) >>> (32 - SET_BITS)) * WAYS;
    for (int w = at; w < at + WAYS; w++) {
      Entry<?> e = table[w];
      if (e == null) {
        break;
      }
      if (e.source().equals(source)) {
        return (V) e.value();
      }
    }
    V value = make.apply(source);
    if (source.length() <= LONGEST) {
      // The newest first: the set's entries move down one way, the oldest drops out.
      System.arraycopy(table, at, table, at + 1, WAYS - 1);
      table[at] = new Entry<>(source, value);
    }
    return value;
  }
}
