package dev.tdeveloper.security.pii.internal;

/** IBAN lengths by country, from the SWIFT IBAN registry. Immutable and thread-safe. */
final class IbanLengths {
  private static final String REGISTRY =
      "AD24AE23AL28AT20AZ28BA20BE16BG22BH22BR29BY28CH21CR22CY28CZ24DE22DK18DO28EE20EG29ES24FI18"
          + "FO18FR27GB22GE22GI23GL18GR27GT28HR21HU28IE22IL23IQ23IS26IT27JO30KW30KZ20LB28LC32LI21"
          + "LT20LU20LV21MC27MD24ME22MK19MR27MT31MU30NL18NO15PK24PL28PS29PT25QA29RO24RS22SA24SC31"
          + "SE24SI19SK24SM27TN24TR26UA29VA22VG24XK20";
  private static final byte[] LENGTHS = new byte[26 * 26];

  static {
    for (int k = 0; k < REGISTRY.length(); k += 4) {
      int code = (REGISTRY.charAt(k) - 'A') * 26 + (REGISTRY.charAt(k + 1) - 'A');
      LENGTHS[code] = (byte) Integer.parseInt(REGISTRY.substring(k + 2, k + 4));
    }
  }

  private IbanLengths() {}

  /** Returns the IBAN length of the country {@code a b}, or 0 if it issues none. */
  static int of(char a, char b) {
    if (a < 'A' || a > 'Z' || b < 'A' || b > 'Z') {
      return 0;
    }
    return LENGTHS[(a - 'A') * 26 + (b - 'A')];
  }
}
