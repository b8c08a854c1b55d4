package dev.tdeveloper.security.waf.libinjection;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

/**
 * The fingerprints that mean SQL injection: generated at class load from {@link #GRAMMAR}, our
 * grammar of injection shapes, plus {@link #CURATED}. Fingerprints are held as 5-bit-per-token
 * integer codes in sorted arrays, so a lookup allocates nothing. Thread-safe (immutable).
 */
final class SqlFingerprints {
  /** Every token type, in code order (code = index + 1). */
  static final String ALPHABET = "sn1vfkUEBtTAoc&(),;{}.:\\X?";

  /**
   * The shapes of injections, one production per line (see {@link SqlGrammar} for the notation).
   * Bareword starts and bareword operands are only allowed where prose cannot reach them.
   */
  static final String GRAMMAR =
      """
      # quote context: the value closes the application's string literal
      START = s <BREAK>? <QTAIL>
      # numeric context: a number or variable, maybe closing parentheses
      START = 1 <BREAK>? <NTAIL> | v <BREAK>? <NTAIL>
      # identifier context (a column or table name): only unmistakable continuations
      START = n <BREAK> <STRONG> | n <NUNION> | n <STACK>
      # a whole statement or command as the value
      START = E o k * | E 1 , * | E f ( * | E v * | T v * | T s * | T 1 * | T n <TARG> * | T f ( *
      TARG = s | v | 1 | ; | c
      BREAK = ) | ) ) | ) ) )
      QTAIL = <STRONG> | <LOGIC> | <COMPARE> | <ORDER> | <TSQL> | c | ; c
      NTAIL = <STRONG> | <LOGIC> | <ARITH> | <ORDER> | <TSQL>
      STRONG = <UNION> | <STACK>
      NUNION = U E <NITEM> * | U E n , * | U E n k * | U ( E * | U k E *
      NITEM = 1 | s | v | o | f ( | (
      UNION = U E * | U ( E * | U k E * | U ( ( E *
      STACK = ; E <STMT> | ; T *
      STMT = k * | n k * | o * | f ( * | 1 * | v * | ( *
      TSQL = T s * | T 1 * | T v *
      LOGIC = & <COND>
      COND = <OPERAND> o <OPERAND> <AFTER>? | f ( * | ( * | o <OPERAND> <AFTER>? | <VALUE> <AFTER>
      COND2 = 1 o * | v o * | n o * | f ( * | ( * | o <OPERAND> *
      VALUE = 1 | s | v
      OPERAND = 1 | s | v | n | f ( * | ( *
      AFTER = c | ; * | & <COND2> | ) * | <ORDER> | <STRONG> | o * | <TSQL>
      COMPARE = o <OPERAND> <AFTERC> | o f ( * | o ( *
      AFTERC = c | ; * | & <COND2> | ) * | <ORDER> | <STRONG> | <TSQL>
      ARITH = o f ( * | o ( * | o <OPERAND> c
      ORDER = B <OPERAND> <AFTER>? | B <OPERAND> , * | B f ( *
      """;

  /**
   * Shapes kept by hand: the three-token string comparisons (vetted by {@link SqlInjection}'s
   * quote-shape guard) and the comment-truncated string.
   */
  static final String[] CURATED = {"s&s", "sos", "sc", "s)c", "s))c"};

  private static final int[] EXACT;
  private static final int[] PREFIXES;

  static {
    Set<String> exact = new TreeSet<>();
    Set<String> prefixes = new TreeSet<>();
    SqlGrammar.expand(GRAMMAR, exact, prefixes);
    exact.addAll(Arrays.asList(CURATED));
    EXACT = codes(exact);
    PREFIXES = codes(prefixes);
  }

  private SqlFingerprints() {}

  /** How many complete fingerprints and prefixes the set holds (for the documentation). */
  static int[] sizes() {
    return new int[] {EXACT.length, PREFIXES.length};
  }

  /** Whether the fingerprint in {@code type[0, n)} is in the set. */
  static boolean contains(char[] type, int n) {
    int code = 0;
    for (int i = 0; i < n; i++) {
      code = code << 5 | ALPHABET.indexOf(type[i]) + 1;
      if (Arrays.binarySearch(PREFIXES, code) >= 0) {
        return true;
      }
    }
    return Arrays.binarySearch(EXACT, code) >= 0;
  }

  private static int[] codes(Set<String> fingerprints) {
    int[] out = new int[fingerprints.size()];
    int i = 0;
    for (String f : fingerprints) {
      int code = 0;
      for (int k = 0; k < f.length(); k++) {
        int idx = ALPHABET.indexOf(f.charAt(k));
        if (idx < 0) {
          throw new IllegalStateException("fingerprint " + f + " has unknown token type");
        }
        code = code << 5 | idx + 1;
      }
      out[i++] = code;
    }
    Arrays.sort(out);
    return out;
  }
}
