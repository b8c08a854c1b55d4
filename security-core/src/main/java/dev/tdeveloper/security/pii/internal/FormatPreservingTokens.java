package dev.tdeveloper.security.pii.internal;

import java.util.Random;

/**
 * Random strings of a value's shape: each ASCII digit becomes a random digit, each ASCII letter a
 * random letter of the same case, any other letter or digit a random ASCII letter, and everything
 * else (separators, {@code @}, dots) is kept. Stateless.
 */
final class FormatPreservingTokens {
  private FormatPreservingTokens() {}

  static String random(String value, Random random) {
    char[] out = value.toCharArray();
    for (int i = 0; i < out.length; i++) {
      char c = out[i];
      if (Checks.isDigit(c)) {
        out[i] = (char) ('0' + random.nextInt(10));
      } else if (c >= 'A' && c <= 'Z') {
        out[i] = (char) ('A' + random.nextInt(26));
      } else if ((c >= 'a' && c <= 'z') || Checks.isWordChar(c)) {
        out[i] = (char) ('a' + random.nextInt(26));
      }
    }
    return new String(out);
  }
}
