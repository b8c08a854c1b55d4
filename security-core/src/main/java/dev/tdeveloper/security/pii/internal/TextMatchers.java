package dev.tdeveloper.security.pii.internal;

import dev.tdeveloper.security.pii.PiiEntity;
import dev.tdeveloper.security.shield.IpAddress;

/**
 * Matchers of the entities that start with a letter (or {@code ::}): each reads a bounded number of
 * characters from a start and returns the end of the finding it recorded, or -1. Stateless.
 */
final class TextMatchers {
  private static final int MAX_LOCAL = 64;
  private static final int MAX_DOMAIN = 253;
  private static final int MAX_JWT_PART = 8192;
  private static final int MIN_TOKEN = 20;
  private static final int MAX_TOKEN = 512;
  private static final int MAX_IPV6 = 45;
  private static final String[] AWS_PREFIXES = {
    "AKIA", "ASIA", "ABIA", "ACCA", "AGPA", "AIDA", "AIPA", "ANPA", "ANVA", "APKA", "AROA", "ASCA"
  };

  private TextMatchers() {}

  static int email(Scan s, int i) {
    int p = i;
    while (p < s.n && p - i <= MAX_LOCAL && isLocal(s.text.charAt(p))) {
      p++;
    }
    if (s.at(p) != '@' || p - i > MAX_LOCAL || s.text.charAt(p - 1) == '.') {
      return -1;
    }
    int q = p + 1;
    int labels = 0;
    int lastLabel = q;
    while (true) {
      int label = q;
      while (q < s.n && (Checks.isAlnum(s.text.charAt(q)) || s.text.charAt(q) == '-')) {
        q++;
      }
      if (q == label || q - label > 63 || s.text.charAt(label) == '-' || s.at(q - 1) == '-') {
        return -1;
      }
      labels++;
      lastLabel = label;
      if (q - p > MAX_DOMAIN) {
        return -1;
      }
      if (s.at(q) == '.' && Checks.isAlnum(s.at(q + 1))) {
        q++;
      } else {
        break;
      }
    }
    if (labels < 2 || q - lastLabel < 2 || !letters(s.text, lastLabel, q) || !s.endOk(q)) {
      return -1;
    }
    return s.accept(PiiEntity.EMAIL, i, q, 0.9) ? q : -1;
  }

  static int awsKey(Scan s, int i) {
    int end = i + 20;
    if (end > s.n || !s.endOk(end) || !prefixed(s.text, i)) {
      return -1;
    }
    for (int p = i + 4; p < end; p++) {
      char c = s.text.charAt(p);
      if (!(c >= 'A' && c <= 'Z') && !Checks.isDigit(c)) {
        return -1;
      }
    }
    return s.accept(PiiEntity.AWS_ACCESS_KEY, i, end, 0.95) ? end : -1;
  }

  static int jwt(Scan s, int i) {
    if (s.at(i + 1) != 'y' || s.at(i + 2) != 'J') {
      return -1;
    }
    int headerEnd = base64Url(s, i);
    if (s.at(headerEnd) != '.' || !Checks.jwtHeader(s.text, i, headerEnd)) {
      return -1;
    }
    int payloadEnd = base64Url(s, headerEnd + 1);
    if (payloadEnd - headerEnd < 3 || s.at(payloadEnd) != '.') {
      return -1;
    }
    int end = base64Url(s, payloadEnd + 1);
    if (!s.endOk(end)) {
      return -1;
    }
    return s.accept(PiiEntity.JWT, i, end, 0.95) ? end : -1;
  }

  static int iban(Scan s, int i) {
    int length = IbanLengths.of(s.at(i), s.at(i + 1));
    if (length == 0 || !Checks.isDigit(s.at(i + 2)) || !Checks.isDigit(s.at(i + 3))) {
      return -1;
    }
    int p = i;
    int count = 0;
    while (count < length) {
      char c = s.at(p);
      if (c == ' ' && count % 4 == 0 && count > 0 && isIbanChar(s.at(p + 1))) {
        p++;
        continue;
      }
      if (!isIbanChar(c) || (count < 2 && Checks.isDigit(c))) {
        return -1;
      }
      count++;
      p++;
    }
    if (!s.endOk(p)) {
      return -1;
    }
    if (!Checks.ibanMod97(s.text, i, p)) {
      s.skipTo = p;
      return -1;
    }
    return s.accept(PiiEntity.IBAN, i, p, 0.9) ? p : -1;
  }

  static int ipv6(Scan s, int i) {
    int p = i;
    int colons = 0;
    while (p < s.n && p - i <= MAX_IPV6) {
      char c = s.text.charAt(p);
      if (c == ':') {
        colons++;
      } else if (Character.digit(c, 16) < 0 && c != '.') {
        break;
      }
      p++;
    }
    while (p > i && (s.text.charAt(p - 1) == '.' || s.at(p - 1) == ':' && s.at(p - 2) != ':')) {
      p--;
    }
    if (colons < 2 || p - i > MAX_IPV6 || !s.endOk(p)) {
      return -1;
    }
    if (IpAddress.tryParse(s.text.subSequence(i, p).toString()).isEmpty()) {
      return -1;
    }
    return s.accept(PiiEntity.IP_ADDRESS, i, p, 0.7) ? p : -1;
  }

  /**
   * A run of 20 to 512 base64/base64url characters mixing capitals, small letters and digits with
   * high entropy (0.6; somewhat lower entropy, 0.3, needs a context word), or a hexadecimal run of
   * at least 32 characters, which needs a context word (0.3).
   */
  static int secretToken(Scan s, int i) {
    int p = i;
    int upper = 0;
    int lower = 0;
    int digits = 0;
    int other = 0;
    while (p < s.n && p - i <= MAX_TOKEN) {
      char c = s.text.charAt(p);
      if (c >= 'A' && c <= 'Z') {
        upper++;
      } else if (c >= 'a' && c <= 'z') {
        lower++;
      } else if (Checks.isDigit(c)) {
        digits++;
      } else if (c == '_' || c == '-' || c == '+') {
        other++;
      } else {
        break;
      }
      p++;
    }
    int length = p - i;
    if (length < MIN_TOKEN || length > MAX_TOKEN) {
      return -1;
    }
    int end = p;
    while (end - p < 2 && s.at(end) == '=') {
      end++;
    }
    if (!s.endOk(end)) {
      return -1;
    }
    double base;
    double entropy = upper > 0 && lower > 0 && digits > 0 ? relativeEntropy(s, i, p) : 0;
    if (entropy >= 0.85) {
      base = 0.6;
    } else if (entropy >= 0.75) {
      base = 0.3;
    } else if (other == 0 && length >= 32 && digits > 0 && isHex(s.text, i, p, upper, lower)) {
      base = 0.3;
    } else {
      return -1;
    }
    return s.accept(PiiEntity.SECRET_TOKEN, i, end, base) ? end : -1;
  }

  /** The entropy of {@code text[from, to)} relative to that of {@code min(length, 64)} symbols. */
  static double relativeEntropy(Scan s, int from, int to) {
    double ideal = Math.log(Math.min(to - from, 64)) / Math.log(2);
    return Checks.entropy(s.text, from, to) / ideal;
  }

  private static boolean isHex(CharSequence t, int from, int to, int upper, int lower) {
    if (upper > 0 && lower > 0) {
      return false;
    }
    for (int p = from; p < to; p++) {
      if (Character.digit(t.charAt(p), 16) < 0) {
        return false;
      }
    }
    return true;
  }

  private static int base64Url(Scan s, int from) {
    int p = from;
    while (p < s.n && p - from <= MAX_JWT_PART) {
      char c = s.text.charAt(p);
      if (!Checks.isAlnum(c) && c != '-' && c != '_') {
        break;
      }
      p++;
    }
    return p;
  }

  private static boolean prefixed(CharSequence t, int i) {
    for (String prefix : AWS_PREFIXES) {
      if (t.charAt(i + 1) == prefix.charAt(1)
          && t.charAt(i + 2) == prefix.charAt(2)
          && t.charAt(i + 3) == prefix.charAt(3)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isLocal(char c) {
    return Checks.isAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
  }

  private static boolean isIbanChar(char c) {
    return Checks.isDigit(c) || (c >= 'A' && c <= 'Z');
  }

  private static boolean letters(CharSequence t, int from, int to) {
    for (int p = from; p < to; p++) {
      if (!Character.isLetter(t.charAt(p))) {
        return false;
      }
    }
    return true;
  }
}
