package dev.tdeveloper.security.waf.engine;

import dev.tdeveloper.security.waf.regex.RegexOutcome;
import dev.tdeveloper.security.waf.regex.WafPattern;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@code TX} key regex ({@code TX:/^header_name_/}) answers for each key {@link TxKeys}
 * numbers, worked out once per key and kept for every later transaction: CRS writes the same
 * numbered keys on every request, and each transaction would otherwise search each key again. The
 * answers for keys without a number are kept in a bounded {@link StringMemo}. The answer is the one
 * {@link Selection#selects} gives by the pattern alone (a search that exceeds its step budget
 * selects nothing; the budget counts steps, so the answer is the same on every search).
 *
 * <p>Thread-safe: the answers are bytes (0 unknown, 1 selected, 2 not) written and read with opaque
 * access; two threads that race on an unknown key both search it and write the same answer.
 */
final class TxKeyMatches {
  private static final VarHandle ANSWERS = MethodHandles.arrayElementVarHandle(byte[].class);
  private static final byte SELECTED = 1;
  private static final byte NOT_SELECTED = 2;

  private final WafPattern pattern;
  private final Optional<WafPattern> keyPattern;
  private final byte[] answers = new byte[TxKeys.LIMIT];
  // The answers for keys without a number (CRS 920450's tx.header_name_<name>, one per request
  // header), kept per distinct key.
  private final StringMemo<Boolean> unnumbered = new StringMemo<>(this::search);

  /**
   * The answers of a key regex.
   *
   * @param pattern the key regex
   */
  TxKeyMatches(WafPattern pattern) {
    this.pattern = Objects.requireNonNull(pattern, "pattern");
    this.keyPattern = Optional.of(pattern);
  }

  /**
   * The key regex.
   *
   * @return the pattern
   */
  WafPattern pattern() {
    return pattern;
  }

  /**
   * The key regex as a variable's selector holds it.
   *
   * @return the pattern, present
   */
  Optional<WafPattern> keyPattern() {
    return keyPattern;
  }

  /**
   * Whether the regex selects a key.
   *
   * @param number the key's {@link TxKeys} number; -1 when it has none
   * @param key the key, lower case (the key that number stands for)
   * @return true when selected
   */
  boolean selects(int number, String key) {
    if (number < 0 || number >= answers.length) {
      return unnumbered.get(key);
    }
    byte known = (byte) ANSWERS.getOpaque(answers, number);
    if (known != 0) {
      return known == SELECTED;
    }
    boolean selected = search(key);
    ANSWERS.setOpaque(answers, number, selected ? SELECTED : NOT_SELECTED);
    return selected;
  }

  private boolean search(String key) {
    return pattern.find(key, null) == RegexOutcome.MATCHED;
  }
}
