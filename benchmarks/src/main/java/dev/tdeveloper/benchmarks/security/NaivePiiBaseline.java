package dev.tdeveloper.benchmarks.security;

import dev.tdeveloper.security.pii.PiiDetector;
import dev.tdeveloper.security.pii.PiiEntity;
import dev.tdeveloper.security.pii.PiiFinding;
import dev.tdeveloper.security.pii.internal.Checks;
import dev.tdeveloper.security.pii.internal.ContextScorer;
import dev.tdeveloper.security.shield.IpAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The naive way to find PII, as Presidio's pattern recognizers do it: every recognizer runs its
 * {@code java.util.regex} patterns over the whole text, candidates are verified with the same
 * checks as ours (Luhn, mod 97, SSN ranges, IP parsing, dates, JWT headers, entropy) and scored
 * with the same context words, then overlaps are resolved by score and length. Only the way
 * candidates are found differs from {@link PiiDetector}. Immutable and thread-safe.
 */
public final class NaivePiiBaseline {
  private static final String B = "(?<![\\w.+\\-@])";
  private static final String E = "(?![\\w]|[.\\-_@][A-Za-z0-9])";

  private record Recognizer(PiiEntity entity, Pattern pattern, Verifier verifier) {}

  @FunctionalInterface
  private interface Verifier {
    /** Returns the base score of a match, or 0 if verification fails. */
    double base(String text, Matcher m);
  }

  private final List<Recognizer> recognizers = new ArrayList<>();
  private final ContextScorer scorer =
      new ContextScorer(
          Map.of(), PiiDetector.DEFAULT_CONTEXT_WINDOW, PiiDetector.DEFAULT_CONTEXT_BOOST);

  public NaivePiiBaseline() {
    add(
        PiiEntity.EMAIL,
        B
            + "[A-Za-z0-9._%+\\-]{1,64}@(?:[A-Za-z0-9](?:[A-Za-z0-9\\-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}"
            + E,
        (t, m) -> 0.9);
    add(
        PiiEntity.PHONE,
        B + "\\+(?:\\d{8,15}|\\d{1,3}(?:[ \\-.]\\d{1,8}| \\(\\d{1,4}\\) ?\\d{1,8}){1,6})" + E,
        (t, m) -> between(digits(m.group()), 8, 15) ? 0.7 : 0);
    add(PiiEntity.PHONE, B + "\\(\\d{3}\\) ?\\d{3}[\\-. ]\\d{4}" + E, (t, m) -> 0.65);
    add(PiiEntity.PHONE, B + "\\d{3}([\\-.])\\d{3}\\1\\d{4}" + E, (t, m) -> 0.6);
    add(PiiEntity.PHONE, B + "\\d{3} \\d{3} \\d{4}" + E, (t, m) -> 0.5);
    add(
        PiiEntity.PHONE,
        B + "0\\d{1,4}(?:([ \\-])\\d{2,8})(?:\\1\\d{2,8}){0,3}" + E,
        (t, m) -> between(digits(m.group()), 10, 11) ? 0.55 : 0);
    add(PiiEntity.PHONE, B + "[1-9]\\d{9}" + E, (t, m) -> 0.3);
    add(
        PiiEntity.CREDIT_CARD,
        B + "(?:\\d{13,19}|\\d{3,6}([ \\-])\\d{3,6}(?:\\1\\d{3,6}){0,4})" + E,
        NaivePiiBaseline::card);
    add(
        PiiEntity.IBAN,
        B + "[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?" + E,
        (t, m) -> Checks.ibanMod97(t, m.start(), m.end()) ? 0.9 : 0);
    add(PiiEntity.US_SSN, B + "\\d{3}([\\- ])\\d{2}\\1\\d{4}" + E, NaivePiiBaseline::ssn);
    add(PiiEntity.US_SSN, B + "\\d{9}" + E, NaivePiiBaseline::ssn);
    add(
        PiiEntity.IP_ADDRESS,
        B + "(?:\\d{1,3}\\.){3}\\d{1,3}" + E,
        (t, m) -> IpAddress.tryParse(m.group()).isPresent() ? 0.6 : 0);
    add(
        PiiEntity.IP_ADDRESS,
        "(?<![\\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f.]{0,15}" + E,
        (t, m) -> IpAddress.tryParse(m.group()).isPresent() ? 0.7 : 0);
    add(
        PiiEntity.DATE_OF_BIRTH,
        B + "(?:\\d{4}([\\-/.])\\d{1,2}\\1\\d{1,2}|\\d{1,2}([\\-/.])\\d{1,2}\\2\\d{4})" + E,
        NaivePiiBaseline::date);
    add(
        PiiEntity.AWS_ACCESS_KEY,
        B + "(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AIPA|ANPA|ANVA|APKA|AROA|ASCA)[A-Z0-9]{16}" + E,
        (t, m) -> 0.95);
    add(
        PiiEntity.JWT,
        B + "eyJ[A-Za-z0-9_\\-]{7,}\\.[A-Za-z0-9_\\-]{2,}\\.[A-Za-z0-9_\\-]*" + E,
        (t, m) -> Checks.jwtHeader(t, m.start(), t.indexOf('.', m.start())) ? 0.95 : 0);
    add(PiiEntity.SECRET_TOKEN, B + "[A-Za-z0-9_+\\-]{20,512}={0,2}" + E, NaivePiiBaseline::secret);
  }

  private void add(PiiEntity entity, String regex, Verifier verifier) {
    recognizers.add(new Recognizer(entity, Pattern.compile(regex), verifier));
  }

  /** Returns the findings of {@code text}: every regex over the whole text, then resolution. */
  public List<PiiFinding> detect(String text) {
    List<PiiFinding> candidates = new ArrayList<>();
    for (Recognizer r : recognizers) {
      Matcher m = r.pattern.matcher(text);
      while (m.find()) {
        double base = r.verifier.base(text, m);
        if (base > 0) {
          double score = scorer.score(text, 0, m.start(), m.end(), r.entity, base);
          if (score >= PiiDetector.DEFAULT_THRESHOLD) {
            candidates.add(new PiiFinding(r.entity, m.start(), m.end(), score));
          }
        }
      }
    }
    candidates.sort(
        Comparator.comparingDouble(PiiFinding::score)
            .reversed()
            .thenComparing(Comparator.comparingInt(PiiFinding::length).reversed()));
    List<PiiFinding> kept = new ArrayList<>();
    for (PiiFinding c : candidates) {
      if (kept.stream().noneMatch(k -> k.start() < c.end() && c.start() < k.end())) {
        kept.add(c);
      }
    }
    kept.sort(Comparator.comparingInt(PiiFinding::start));
    return kept;
  }

  /** Returns {@code text} with every finding redacted as {@code [ENTITY]}. */
  public String mask(String text) {
    List<PiiFinding> findings = detect(text);
    StringBuilder out = new StringBuilder(text.length() + 16);
    int copied = 0;
    for (PiiFinding f : findings) {
      out.append(text, copied, f.start()).append('[').append(f.entity().name()).append(']');
      copied = f.end();
    }
    return out.append(text, copied, text.length()).toString();
  }

  private static double card(String t, Matcher m) {
    int n = digits(m.group());
    if (!between(n, 13, 19) || !Checks.luhn(t, m.start(), m.end())) {
      return 0;
    }
    int two = Integer.parseInt(m.group().substring(0, 2));
    boolean known =
        two / 10 == 4
            || between(two, 51, 55)
            || between(two, 22, 27)
            || two == 34
            || two == 37
            || two == 35
            || two == 36
            || two == 38
            || two == 60
            || two == 65
            || two == 62;
    return known ? 0.8 : 0.35;
  }

  private static double ssn(String t, Matcher m) {
    String d = m.group().replaceAll("[^0-9]", "");
    int area = Integer.parseInt(d.substring(0, 3));
    int group = Integer.parseInt(d.substring(3, 5));
    int serial = Integer.parseInt(d.substring(5));
    if (!Checks.ssn(area, group, serial)) {
      return 0;
    }
    return m.group().length() == 9 ? 0.3 : m.group().charAt(3) == '-' ? 0.6 : 0.45;
  }

  private static double date(String t, Matcher m) {
    String[] parts = m.group().split("[\\-/.]");
    int a = Integer.parseInt(parts[0]);
    int b = Integer.parseInt(parts[1]);
    int c = Integer.parseInt(parts[2]);
    boolean valid =
        parts[0].length() == 4
            ? Checks.date(a, b, c)
            : Checks.date(c, a, b) || Checks.date(c, b, a);
    return valid ? 0.3 : 0;
  }

  private static double secret(String t, Matcher m) {
    String run = m.group().replace("=", "");
    boolean upper = run.chars().anyMatch(Character::isUpperCase);
    boolean lower = run.chars().anyMatch(Character::isLowerCase);
    boolean digit = run.chars().anyMatch(Character::isDigit);
    if (upper && lower && digit) {
      double relative =
          Checks.entropy(run, 0, run.length())
              / (Math.log(Math.min(run.length(), 64)) / Math.log(2));
      return relative >= 0.85 ? 0.6 : relative >= 0.75 ? 0.3 : 0;
    }
    boolean hex =
        run.length() >= 32
            && digit
            && run.chars().allMatch(c -> Character.digit(c, 16) >= 0)
            && !(upper && lower);
    return hex ? 0.3 : 0;
  }

  private static int digits(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      n += Character.isDigit(s.charAt(i)) ? 1 : 0;
    }
    return n;
  }

  private static boolean between(int v, int low, int high) {
    return v >= low && v <= high;
  }
}
