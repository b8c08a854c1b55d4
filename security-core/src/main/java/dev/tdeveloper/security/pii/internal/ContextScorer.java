package dev.tdeveloper.security.pii.internal;

import dev.tdeveloper.security.pii.PiiEntity;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Raises a candidate's score when one of its entity's context words appears within {@code window}
 * characters before it (or half that after it), and lowers it when a negative word does (a
 * "version" before {@code 4.2.1.0} says it is no IP address). Words match case-insensitively at
 * word starts. Immutable and thread-safe; the work per candidate is bounded by the window and the
 * word lists.
 */
public final class ContextScorer {
  private static final Map<PiiEntity, List<String>> DEFAULT_WORDS = new EnumMap<>(PiiEntity.class);
  private static final Map<PiiEntity, List<String>> NEGATIVE_WORDS = new EnumMap<>(PiiEntity.class);

  static {
    DEFAULT_WORDS.put(PiiEntity.EMAIL, List.of("email", "e-mail", "mail", "contact"));
    DEFAULT_WORDS.put(
        PiiEntity.PHONE,
        List.of("phone", "tel", "mobile", "cell", "call", "fax", "whatsapp", "sms", "contact"));
    DEFAULT_WORDS.put(
        PiiEntity.CREDIT_CARD,
        List.of("card", "credit", "debit", "visa", "mastercard", "amex", "cc", "pan", "payment"));
    DEFAULT_WORDS.put(PiiEntity.IBAN, List.of("iban", "bank", "account", "sepa", "transfer"));
    DEFAULT_WORDS.put(PiiEntity.US_SSN, List.of("ssn", "social security", "ss#", "ssa"));
    DEFAULT_WORDS.put(
        PiiEntity.IP_ADDRESS, List.of("ip", "host", "client", "server", "remote", "addr"));
    DEFAULT_WORDS.put(
        PiiEntity.DATE_OF_BIRTH, List.of("born", "birth", "birthday", "dob", "d.o.b", "birthdate"));
    DEFAULT_WORDS.put(PiiEntity.AWS_ACCESS_KEY, List.of("aws", "access", "key"));
    DEFAULT_WORDS.put(PiiEntity.JWT, List.of("jwt", "token", "bearer", "authorization"));
    DEFAULT_WORDS.put(
        PiiEntity.SECRET_TOKEN,
        List.of(
            "secret",
            "token",
            "key",
            "api",
            "apikey",
            "password",
            "passwd",
            "pwd",
            "bearer",
            "auth",
            "credential"));
    NEGATIVE_WORDS.put(PiiEntity.IP_ADDRESS, List.of("version", "release", "build", "ver"));
  }

  private final Map<PiiEntity, String[]> words = new EnumMap<>(PiiEntity.class);
  private final Map<PiiEntity, String[]> negative = new EnumMap<>(PiiEntity.class);
  private final int window;
  private final double boost;

  /**
   * Creates a scorer with the default words plus {@code extraWords}.
   *
   * @param window how many characters before a candidate are searched (half as many after)
   * @param boost what a context word adds to, and a negative word takes from, the score
   */
  public ContextScorer(Map<PiiEntity, List<String>> extraWords, int window, double boost) {
    for (PiiEntity entity : PiiEntity.values()) {
      List<String> all = new java.util.ArrayList<>(DEFAULT_WORDS.getOrDefault(entity, List.of()));
      extraWords.getOrDefault(entity, List.of()).forEach(w -> all.add(w.toLowerCase(Locale.ROOT)));
      words.put(entity, all.toArray(String[]::new));
      negative.put(entity, NEGATIVE_WORDS.getOrDefault(entity, List.of()).toArray(String[]::new));
    }
    this.window = window;
    this.boost = boost;
  }

  /** Returns the default context words of {@code entity}. */
  public static List<String> defaultWords(PiiEntity entity) {
    return DEFAULT_WORDS.getOrDefault(entity, List.of());
  }

  /**
   * Returns {@code base} raised or lowered by the words around {@code text[start, end)}; words
   * before {@code fence} (the end of the previous finding) belong to that finding and are ignored.
   */
  public double score(
      CharSequence text, int fence, int start, int end, PiiEntity entity, double base) {
    int from = Math.max(fence, start - window);
    int to = Math.min(text.length(), end + window / 2);
    double score = base;
    if (base < 1 && anyWord(text, from, start, end, to, words.get(entity))) {
      score += boost;
    }
    String[] bad = negative.get(entity);
    if (bad.length > 0 && anyWord(text, from, start, end, to, bad)) {
      score -= boost;
    }
    return Math.max(0, Math.min(1, score));
  }

  private static boolean anyWord(
      CharSequence text, int from, int start, int end, int to, String[] list) {
    for (String word : list) {
      if (find(text, from, start, word) || find(text, end, to, word)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code word} occurs in {@code text[from, to)} starting and ending at word edges. */
  private static boolean find(CharSequence text, int from, int to, String word) {
    int last = to - word.length();
    char first = word.charAt(0);
    for (int i = from; i <= last; i++) {
      if (Character.toLowerCase(text.charAt(i)) != first
          || (i > 0 && Character.isLetter(text.charAt(i - 1)))) {
        continue;
      }
      int after = i + word.length();
      if (regionMatches(text, i, word)
          && (after >= text.length() || !Character.isLetter(text.charAt(after)))) {
        return true;
      }
    }
    return false;
  }

  private static boolean regionMatches(CharSequence text, int at, String word) {
    for (int k = 1; k < word.length(); k++) {
      if (Character.toLowerCase(text.charAt(at + k)) != word.charAt(k)) {
        return false;
      }
    }
    return true;
  }
}
