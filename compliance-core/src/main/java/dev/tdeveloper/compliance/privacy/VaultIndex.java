package dev.tdeveloper.compliance.privacy;

import dev.tdeveloper.tenancy.TenantId;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The mappings of a {@link PseudonymVault} in both directions, and pseudonym generation. Reads are
 * lock-free; writers ({@link #put}, {@link #remove}) must be serialised by the owning vault.
 */
final class VaultIndex {
  /** The longest value a vault accepts, in characters: {@value}. */
  static final int MAX_VALUE_LENGTH = 4096;

  /** The prefix of every pseudonym: {@value}. */
  static final String PREFIX = "psn_";

  private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A value or pseudonym in a scope; the platform scope is the empty string. */
  record Key(String scope, String text) {}

  private final Map<Key, String> pseudonyms = new ConcurrentHashMap<>();
  private final Map<Key, String> values = new ConcurrentHashMap<>();

  static String scope(Optional<TenantId> tenant) {
    return Objects.requireNonNull(tenant, "tenant").map(TenantId::value).orElse("");
  }

  static Key key(Optional<TenantId> tenant, String value) {
    return new Key(scope(tenant), Checks.secret("value", value, MAX_VALUE_LENGTH));
  }

  Optional<String> pseudonym(Key value) {
    return Optional.ofNullable(pseudonyms.get(value));
  }

  Optional<String> value(Optional<TenantId> tenant, String pseudonym) {
    Objects.requireNonNull(pseudonym, "pseudonym");
    return Optional.ofNullable(values.get(new Key(scope(tenant), pseudonym)));
  }

  /** Returns a fresh pseudonym, unused in the value's scope and unequal to the value. */
  String fresh(Key value) {
    while (true) {
      byte[] bits = new byte[16];
      RANDOM.nextBytes(bits);
      String candidate = PREFIX + base32(bits);
      if (!candidate.equals(value.text())
          && !values.containsKey(new Key(value.scope(), candidate))) {
        return candidate;
      }
    }
  }

  void put(Key value, String pseudonym) {
    pseudonyms.put(value, pseudonym);
    values.put(new Key(value.scope(), pseudonym), value.text());
  }

  Optional<String> remove(Key value) {
    String pseudonym = pseudonyms.remove(value);
    if (pseudonym != null) {
      values.remove(new Key(value.scope(), pseudonym));
    }
    return Optional.ofNullable(pseudonym);
  }

  /** Returns every mapping, value to pseudonym. */
  Map<Key, String> all() {
    return Map.copyOf(pseudonyms);
  }

  int size() {
    return pseudonyms.size();
  }

  /** Encodes 128 bits as 26 base32 characters (RFC 4648 alphabet, lower case, no padding). */
  static String base32(byte[] bits) {
    StringBuilder out = new StringBuilder(26);
    int buffer = 0;
    int count = 0;
    for (byte b : bits) {
      buffer = (buffer << 8) | (b & 0xff);
      count += 8;
      while (count >= 5) {
        out.append(BASE32[(buffer >> (count - 5)) & 31]);
        count -= 5;
      }
    }
    if (count > 0) {
      out.append(BASE32[(buffer << (5 - count)) & 31]);
    }
    return out.toString();
  }
}
