package dev.tdeveloper.security.pii.eval;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.SplittableRandom;

/** Generators of realistic values, valid and hard-negative, from one seeded random source. */
final class CorpusValues {
  private static final String BASE62 =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  private static final String[] FIRST = {
    "alice", "bob", "carol", "dmitri", "elena", "farid", "grace", "hiro", "ines", "jamal", "kofi"
  };
  private static final String[] LAST = {
    "smith", "nguyen", "garcia", "muller", "rossi", "tanaka", "okafor", "dubois", "kowalski"
  };
  private static final String[] DOMAINS = {
    "example.com", "mail.example.org", "corp-x.io", "uni.ac.uk", "post.de", "acme.co"
  };
  private static final String[] WORDS = {
    "internationalization", "counterrevolutionaries", "incomprehensibilities",
    "Pneumonoultramicroscopic", "characteristically", "uncharacteristically",
    "interdisciplinary_research", "telecommunications-provider"
  };
  private static final String[] IDENT_PARTS = {
    "get", "User", "Account", "Settings", "Http", "Request", "Header", "Parser", "Cache", "Tenant"
  };

  private final SplittableRandom random;

  CorpusValues(SplittableRandom random) {
    this.random = random;
  }

  String name() {
    return cap(pick(FIRST)) + " " + cap(pick(LAST));
  }

  String email() {
    String local =
        switch (random.nextInt(4)) {
          case 0 -> pick(FIRST) + "." + pick(LAST);
          case 1 -> pick(FIRST) + "_" + pick(LAST) + random.nextInt(100);
          case 2 -> pick(FIRST).charAt(0) + pick(LAST) + "+news";
          default -> pick(LAST) + random.nextInt(1000);
        };
    return local + "@" + pick(DOMAINS);
  }

  String phone() {
    return switch (random.nextInt(10)) {
      case 0 -> "+1 " + nanp('-');
      case 1 -> "+1" + nanp('\0');
      case 2 -> "+44 20 " + digits(4) + " " + digits(4);
      case 3 -> "+49 30 " + digits(8);
      case 4 -> "+33 1 " + digits(2) + " " + digits(2) + " " + digits(2) + " " + digits(2);
      case 5 -> "(" + area() + ") " + (200 + random.nextInt(800)) + "-" + digits(4);
      case 6 -> nanp('-');
      case 7 -> nanp('.');
      case 8 -> "020 " + digits(4) + " " + digits(4);
      default -> "07" + digits(3) + " " + digits(6);
    };
  }

  String plainPhone() {
    return nanp('\0');
  }

  String card(boolean valid) {
    int kind = random.nextInt(4);
    String prefix =
        new String[] {"4", "5" + (1 + random.nextInt(5)), "3" + "47".charAt(kind % 2), "6011"}
            [kind];
    int length = kind == 2 ? 15 : 16;
    StringBuilder number = new StringBuilder(prefix);
    while (number.length() < length - 1) {
      number.append(random.nextInt(10));
    }
    int check = luhnCheckDigit(number);
    number.append(valid ? check : (check + 1 + random.nextInt(9)) % 10);
    String n = number.toString();
    return switch (random.nextInt(3)) {
      case 0 -> n;
      case 1 ->
          kind == 2
              ? n.substring(0, 4) + " " + n.substring(4, 10) + " " + n.substring(10)
              : group(n, ' ');
      default -> group(n, '-');
    };
  }

  String iban(boolean valid) {
    String[][] countries = {
      {"DE", "d18"},
      {"GB", "a4d14"},
      {"FR", "d23"},
      {"NL", "a4d10"},
      {"ES", "d20"},
      {"IT", "a1d22"},
      {"CH", "d17"}
    };
    String[] country = countries[random.nextInt(countries.length)];
    StringBuilder bban = new StringBuilder();
    String spec = country[1];
    for (int k = 0; k < spec.length(); ) {
      char kind = spec.charAt(k++);
      int end = k;
      while (end < spec.length() && Character.isDigit(spec.charAt(end))) {
        end++;
      }
      int count = Integer.parseInt(spec.substring(k, end));
      k = end;
      for (int c = 0; c < count; c++) {
        bban.append(
            kind == 'a' ? (char) ('A' + random.nextInt(26)) : (char) ('0' + random.nextInt(10)));
      }
    }
    String rearranged = bban + country[0] + "00";
    int mod = 0;
    for (char c : rearranged.toCharArray()) {
      int v = Character.isDigit(c) ? c - '0' : c - 'A' + 10;
      mod = v < 10 ? (mod * 10 + v) % 97 : (mod * 100 + v) % 97;
    }
    int check = 98 - mod;
    if (!valid) {
      check = 2 + (check - 2 + 1 + random.nextInt(96)) % 97;
    }
    String iban = country[0] + (check < 10 ? "0" : "") + check + bban;
    return random.nextBoolean() ? iban : group(iban, ' ');
  }

  String ssn(boolean valid) {
    int area;
    int group = 1 + random.nextInt(99);
    int serial = 1 + random.nextInt(9999);
    if (valid) {
      do {
        area = 1 + random.nextInt(899);
      } while (area == 666 || (area == 123 && group == 45) || area == 78 || area == 219);
    } else {
      area =
          new int[] {0, 666, 900 + random.nextInt(100), 1 + random.nextInt(665)}[random.nextInt(4)];
      if (area > 0 && area < 666) {
        if (random.nextBoolean()) {
          group = 0;
        } else {
          serial = 0;
        }
      }
    }
    return String.format("%03d-%02d-%04d", area, group, serial);
  }

  String plainSsn() {
    return ssn(true).replace("-", "");
  }

  String ipv4() {
    return (1 + random.nextInt(223))
        + "."
        + random.nextInt(256)
        + "."
        + random.nextInt(256)
        + "."
        + (1 + random.nextInt(254));
  }

  String ipv6() {
    return switch (random.nextInt(3)) {
      case 0 -> "2001:db8:" + hex() + "::" + hex();
      case 1 -> "fe80::" + hex() + ":" + hex() + ":" + hex() + ":" + hex();
      default ->
          hex() + ":" + hex() + ":" + hex() + ":" + hex() + ":" + hex() + ":" + hex() + ":" + hex()
              + ":" + hex();
    };
  }

  /**
   * A date between {@code fromYear} and {@code fromYear + years - 1} in ISO, US or European form.
   */
  String date(int fromYear, int years) {
    int year = fromYear + random.nextInt(years);
    int month = 1 + random.nextInt(12);
    int day = 1 + random.nextInt(28);
    return switch (random.nextInt(3)) {
      case 0 -> String.format("%d-%02d-%02d", year, month, day);
      case 1 -> String.format("%02d/%02d/%d", month, day, year);
      default -> String.format("%02d.%02d.%d", day, month, year);
    };
  }

  String awsKey() {
    return (random.nextBoolean() ? "AKIA" : "ASIA") + chars(BASE32, 16);
  }

  String jwt() {
    String header =
        random.nextBoolean()
            ? "{\"alg\":\"HS256\",\"typ\":\"JWT\"}"
            : "{\"alg\":\"RS256\",\"kid\":\"k" + random.nextInt(9) + "\"}";
    String payload =
        "{\"sub\":\""
            + random.nextInt(1_000_000)
            + "\",\"name\":\""
            + name()
            + "\",\"iat\":"
            + (1_700_000_000 + random.nextInt(10_000_000))
            + "}";
    byte[] signature = new byte[random.nextBoolean() ? 32 : 64];
    random.nextBytes(signature);
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    return b64.encodeToString(header.getBytes(StandardCharsets.UTF_8))
        + "."
        + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8))
        + "."
        + b64.encodeToString(signature);
  }

  String secret() {
    return switch (random.nextInt(3)) {
      case 0 -> "sk_live_" + chars(BASE62, 32);
      case 1 -> "ghp_" + chars(BASE62, 36);
      default -> chars(BASE62, 40);
    };
  }

  String version() {
    return random.nextInt(12)
        + "."
        + random.nextInt(20)
        + "."
        + random.nextInt(10)
        + (random.nextBoolean() ? "." + random.nextInt(100) : "");
  }

  String word() {
    return pick(WORDS);
  }

  String identifier() {
    StringBuilder out = new StringBuilder(pick(IDENT_PARTS).toLowerCase(java.util.Locale.ROOT));
    for (int k = 0; k < 3 + random.nextInt(2); k++) {
      out.append(pick(IDENT_PARTS));
    }
    return out.append(random.nextInt(10)).toString();
  }

  String uuid() {
    return new java.util.UUID(random.nextLong(), random.nextLong()).toString();
  }

  String sha() {
    return chars("0123456789abcdef", 40);
  }

  String amount() {
    return "$" + (1 + random.nextInt(9999)) + "." + digits(2);
  }

  String smallNumber() {
    return Integer.toString(random.nextInt(100_000));
  }

  private String nanp(char sep) {
    String s = sep == '\0' ? "" : String.valueOf(sep);
    return area() + s + (200 + random.nextInt(800)) + s + digits(4);
  }

  private int area() {
    return 201 + random.nextInt(789);
  }

  private String hex() {
    return Integer.toHexString(1 + random.nextInt(0xfffe));
  }

  private String digits(int count) {
    return chars("0123456789", count);
  }

  private String chars(String alphabet, int count) {
    StringBuilder out = new StringBuilder(count);
    for (int k = 0; k < count; k++) {
      out.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return out.toString();
  }

  private String pick(String[] values) {
    return values[random.nextInt(values.length)];
  }

  private static String cap(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static String group(String s, char sep) {
    StringBuilder out = new StringBuilder();
    for (int k = 0; k < s.length(); k++) {
      if (k > 0 && k % 4 == 0) {
        out.append(sep);
      }
      out.append(s.charAt(k));
    }
    return out.toString();
  }

  private static int luhnCheckDigit(CharSequence partial) {
    int sum = 0;
    boolean twice = true;
    for (int k = partial.length() - 1; k >= 0; k--) {
      int d = partial.charAt(k) - '0';
      if (twice) {
        d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      }
      sum += d;
      twice = !twice;
    }
    return (10 - sum % 10) % 10;
  }
}
