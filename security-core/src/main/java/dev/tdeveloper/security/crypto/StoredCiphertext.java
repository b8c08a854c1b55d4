package dev.tdeveloper.security.crypto;

import java.util.Arrays;
import java.util.Objects;

/**
 * One ciphertext in a {@link CiphertextStore} and its id. Immutable (the bytes are copied in and
 * out).
 *
 * @param id the record's id, unique per tenant
 * @param ciphertext the envelope ciphertext
 */
public record StoredCiphertext(String id, byte[] ciphertext) {
  /** Validates and copies the fields. */
  public StoredCiphertext {
    Objects.requireNonNull(id, "id");
    ciphertext = Objects.requireNonNull(ciphertext, "ciphertext").clone();
  }

  /** Returns a copy of the ciphertext. */
  @Override
  public byte[] ciphertext() {
    return ciphertext.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof StoredCiphertext s
        && id.equals(s.id)
        && Arrays.equals(ciphertext, s.ciphertext);
  }

  @Override
  public int hashCode() {
    return 31 * id.hashCode() + Arrays.hashCode(ciphertext);
  }

  /** Returns the id and length, never the bytes. */
  @Override
  public String toString() {
    return "StoredCiphertext[" + id + ", " + ciphertext.length + " bytes]";
  }
}
