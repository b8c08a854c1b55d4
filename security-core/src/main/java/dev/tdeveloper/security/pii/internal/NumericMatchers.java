package dev.tdeveloper.security.pii.internal;

import dev.tdeveloper.security.pii.PiiEntity;

/**
 * Matchers of the entities that start with a digit, {@code +} or {@code (}. The candidate is read
 * once into at most {@value Scan#MAX_GROUPS} digit groups and their single separators ({@code space
 * - . /}, and the parentheses of a phone area code); each recognizer then looks at the groups:
 * IPv4, a date (which rules out every other reading), an SSN, a card, a phone. Stateless.
 */
final class NumericMatchers {
  private static final int MAX_CHARS = 40;
  private static final int PAREN = '(';
  private static final int CLOSE = ')';

  private NumericMatchers() {}

  static int match(Scan s, int i) {
    boolean plus = s.at(i) == '+';
    int g = readGroups(s, plus ? i + 1 : i);
    if (g == 0) {
      return -1;
    }
    int end = -1;
    if (!plus && s.at(i) != '(') {
      end = ipv4(s, i, g);
      if (end >= 0 || isDate(s, g)) {
        return end >= 0 ? end : date(s, i, g);
      }
      end = ssn(s, i, g);
      if (end < 0) {
        end = card(s, i, g);
      }
    }
    return end >= 0 ? end : phone(s, i, g, plus);
  }

  /** Reads digit groups from {@code p}; returns how many. */
  private static int readGroups(Scan s, int p) {
    int from = p;
    boolean open = s.at(p) == '(';
    if (open) {
      p++;
    }
    int g = 0;
    int beforeOpen = 0;
    while (g < Scan.MAX_GROUPS && p - from < MAX_CHARS) {
      int start = p;
      while (Checks.isDigit(s.at(p))) {
        p++;
      }
      if (p == start) {
        break;
      }
      s.groupStart[g] = start;
      s.groupEnd[g] = p;
      char c = s.at(p);
      char sep = 0;
      if (open && c == ')') {
        open = false;
        p += s.at(p + 1) == ' ' ? 2 : 1;
        sep = CLOSE;
      } else if (c == ' ' && s.at(p + 1) == '(' && Checks.isDigit(s.at(p + 2)) && !open) {
        open = true;
        beforeOpen = g + 1;
        p += 2;
        sep = PAREN;
      } else if ((c == ' ' || c == '-' || c == '.' || c == '/') && Checks.isDigit(s.at(p + 1))) {
        p++;
        sep = c;
      }
      s.separator[g++] = sep;
      if (sep == 0 || open != (sep == PAREN)) {
        break;
      }
    }
    if (open && beforeOpen > 0) {
      s.separator[beforeOpen - 1] = 0;
    }
    return open ? beforeOpen : g;
  }

  private static int ipv4(Scan s, int i, int g) {
    if (g < 4 || !same(s, 0, 3, '.')) {
      return -1;
    }
    for (int k = 0; k < 4; k++) {
      int digits = digits(s, k, k + 1);
      int value = value(s, k);
      if (digits > 3 || value > 255 || (digits > 1 && s.at(s.groupStart[k]) == '0')) {
        return -1;
      }
    }
    int end = s.groupEnd[3];
    return s.endOk(end) && s.accept(PiiEntity.IP_ADDRESS, i, end, 0.6) ? end : -1;
  }

  /** Whether the first three groups form a real calendar date with one separator. */
  private static boolean isDate(Scan s, int g) {
    if (g < 3 || !same(s, 0, 2, s.separator[0]) || "-/.".indexOf(s.separator[0]) < 0) {
      return false;
    }
    int a = value(s, 0);
    int b = value(s, 1);
    int c = value(s, 2);
    int da = digits(s, 0, 1);
    int db = digits(s, 1, 2);
    int dc = digits(s, 2, 3);
    if (da == 4 && db <= 2 && dc <= 2) {
      return Checks.date(a, b, c);
    }
    if (da <= 2 && db <= 2 && dc == 4) {
      return Checks.date(c, a, b) || Checks.date(c, b, a);
    }
    return false;
  }

  private static int date(Scan s, int i, int g) {
    int end = s.groupEnd[2];
    return s.endOk(end) && s.accept(PiiEntity.DATE_OF_BIRTH, i, end, 0.3) ? end : -1;
  }

  private static int ssn(Scan s, int i, int g) {
    int groups;
    double base;
    if (g >= 3 && same(s, 0, 2, s.separator[0]) && lengths(s, 3, 2, 4)) {
      char sep = s.separator[0];
      if (sep != '-' && sep != ' ') {
        return -1;
      }
      groups = 3;
      base = sep == '-' ? 0.6 : 0.45;
    } else if (digits(s, 0, 1) == 9) {
      groups = 1;
      base = 0.3;
    } else {
      return -1;
    }
    int end = s.groupEnd[groups - 1];
    int area = (int) (number(s, 0, groups) / 1_000_000);
    int group = (int) (number(s, 0, groups) / 10_000 % 100);
    int serial = (int) (number(s, 0, groups) % 10_000);
    if (!s.endOk(end) || !Checks.ssn(area, group, serial)) {
      return -1;
    }
    return s.accept(PiiEntity.US_SSN, i, end, base) ? end : -1;
  }

  private static int card(Scan s, int i, int g) {
    for (int k = g; k >= 1; k--) {
      int total = digits(s, 0, k);
      if (total < 13 || total > 19 || (k > 1 && !cardGroups(s, k))) {
        continue;
      }
      int end = s.groupEnd[k - 1];
      if (s.endOk(end) && Checks.luhn(s.text, i, end)) {
        double base = knownIssuer(s, i) ? 0.8 : 0.35;
        return s.accept(PiiEntity.CREDIT_CARD, i, end, base) ? end : -1;
      }
    }
    return -1;
  }

  private static boolean cardGroups(Scan s, int k) {
    char sep = s.separator[0];
    if ((sep != ' ' && sep != '-') || !same(s, 0, k - 1, sep)) {
      return false;
    }
    for (int q = 0; q < k; q++) {
      int d = digits(s, q, q + 1);
      if (d < 3 || d > 6) {
        return false;
      }
    }
    return true;
  }

  private static boolean knownIssuer(Scan s, int i) {
    int two = (s.text.charAt(i) - '0') * 10 + (s.text.charAt(i + 1) - '0');
    int first = two / 10;
    return first == 4
        || (two >= 51 && two <= 55)
        || (two >= 22 && two <= 27)
        || two == 34
        || two == 37
        || two == 35
        || two == 36
        || two == 38
        || two == 60
        || two == 65
        || two == 62;
  }

  private static int phone(Scan s, int i, int g, boolean plus) {
    if (plus) {
      return internationalPhone(s, i, g);
    }
    double base = 0;
    int groups = 0;
    if (g >= 3 && s.separator[0] == CLOSE && lengths(s, 3, 3, 4)) {
      char sep = s.separator[1];
      base = sep == '-' || sep == '.' || sep == ' ' ? 0.65 : 0;
      groups = 3;
    } else if (g >= 3 && lengths(s, 3, 3, 4) && same(s, 0, 2, s.separator[0])) {
      char sep = s.separator[0];
      base = sep == '-' || sep == '.' ? 0.6 : sep == ' ' ? 0.5 : 0;
      groups = 3;
    } else if (s.at(s.groupStart[0]) == '0' && digits(s, 0, 1) >= 2) {
      for (int k = Math.min(g, 5); k >= 2 && base == 0; k--) {
        int total = digits(s, 0, k);
        char sep = s.separator[0];
        if (total >= 10
            && total <= 11
            && digits(s, 0, 1) <= 5
            && (sep == ' ' || sep == '-')
            && same(s, 0, k - 1, sep)
            && s.endOk(s.groupEnd[k - 1])) {
          base = 0.55;
          groups = k;
        }
      }
    }
    if (base == 0 && g >= 1 && digits(s, 0, 1) == 10 && s.at(s.groupStart[0]) != '0') {
      base = 0.3;
      groups = 1;
    }
    if (base == 0) {
      return -1;
    }
    int end = s.groupEnd[groups - 1];
    return s.endOk(end) && s.accept(PiiEntity.PHONE, i, end, base) ? end : -1;
  }

  private static int internationalPhone(Scan s, int i, int g) {
    if (digits(s, 0, 1) > 3 && g > 1) {
      return -1;
    }
    int total = 0;
    int best = 0;
    for (int k = 0; k < g; k++) {
      int d = digits(s, k, k + 1);
      if ((k > 1 && d < 2) || total + d > 15) {
        break;
      }
      total += d;
      if (total >= 8 && s.endOk(s.groupEnd[k])) {
        best = k + 1;
      }
    }
    if (best == 0) {
      return -1;
    }
    int end = s.groupEnd[best - 1];
    return s.accept(PiiEntity.PHONE, i, end, 0.7) ? end : -1;
  }

  private static boolean same(Scan s, int from, int to, char sep) {
    for (int k = from; k < to; k++) {
      if (s.separator[k] != sep) {
        return false;
      }
    }
    return true;
  }

  private static boolean lengths(Scan s, int... lengths) {
    for (int k = 0; k < lengths.length; k++) {
      if (digits(s, k, k + 1) != lengths[k]) {
        return false;
      }
    }
    return true;
  }

  private static int digits(Scan s, int from, int to) {
    int total = 0;
    for (int k = from; k < to; k++) {
      total += s.groupEnd[k] - s.groupStart[k];
    }
    return total;
  }

  private static int value(Scan s, int k) {
    return (int) Math.min(number(s, k, k + 1), Integer.MAX_VALUE);
  }

  private static long number(Scan s, int from, int to) {
    long v = 0;
    for (int k = from; k < to; k++) {
      for (int p = s.groupStart[k]; p < s.groupEnd[k] && v < 1_000_000_000_000L; p++) {
        v = v * 10 + (s.text.charAt(p) - '0');
      }
    }
    return v;
  }
}
