package dev.tdeveloper.observability.notify;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook signature, Stripe's scheme: {@code t=<unix seconds>,v1=<hex HMAC-SHA256 over
 * "t.body">}. Signing the timestamp with the body lets a receiver reject a replayed request.
 */
final class WebhookSignature {
  private static final String ALGORITHM = "HmacSHA256";
  private static final HexFormat HEX = HexFormat.of();
  private static final int MAX_PARTS = 16;

  private WebhookSignature() {}

  static String header(byte[] key, long unixSeconds, byte[] body) {
    return "t=" + unixSeconds + ",v1=" + HEX.formatHex(mac(key, unixSeconds, body));
  }

  /**
   * Returns whether {@code header} holds a {@code v1} signature of {@code body} by {@code key} and
   * a timestamp within {@code tolerance} of {@code now}; a malformed header does not verify.
   */
  static boolean verify(byte[] key, String header, byte[] body, Instant now, Duration tolerance) {
    long t = -1;
    List<byte[]> signatures = new ArrayList<>();
    for (String part : header.split(",", MAX_PARTS + 1)) {
      int eq = part.indexOf('=');
      String name = eq <= 0 ? "" : part.substring(0, eq).trim();
      String value = eq <= 0 ? "" : part.substring(eq + 1).trim();
      if (name.equals("t") && t < 0 && isDigits(value, 18)) {
        t = Long.parseLong(value);
      } else if (name.equals("v1") && value.length() == 64 && isHex(value)) {
        signatures.add(HEX.parseHex(value.toLowerCase(Locale.ROOT)));
      } else if (name.equals("t") || name.isEmpty() || signatures.size() > MAX_PARTS) {
        return false; // a second t, or not name=value: malformed; other schemes are ignored
      }
    }
    if (t < 0 || Math.abs(now.getEpochSecond() - t) > tolerance.toSeconds()) {
      return false;
    }
    byte[] expected = mac(key, t, body);
    boolean matched = false;
    for (byte[] signature : signatures) {
      matched |= MessageDigest.isEqual(signature, expected); // constant time; no early exit
    }
    return matched;
  }

  private static boolean isDigits(String value, int maxLength) {
    return !value.isEmpty()
        && value.length() <= maxLength
        && value.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  private static boolean isHex(String value) {
    return value.chars().allMatch(c -> Character.digit(c, 16) >= 0 && c < 128);
  }

  private static byte[] mac(byte[] key, long unixSeconds, byte[] body) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(key, ALGORITHM));
      mac.update((unixSeconds + ".").getBytes(StandardCharsets.US_ASCII));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required of every JDK", e);
    }
  }
}
