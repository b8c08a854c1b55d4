package dev.tdeveloper.compliance.audit.integrity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/** The validated, copied hash list of a proof. Immutable and thread-safe. */
final class ProofHashes {
  /** The most hashes a proof of a tree of up to {@code 2^63 - 1} leaves has, and more. */
  static final int MAX = 64;

  private final byte[][] hashes;

  private ProofHashes(byte[][] hashes) {
    this.hashes = hashes;
  }

  static ProofHashes copyOf(List<byte[]> list) {
    Objects.requireNonNull(list, "hashes");
    if (list.size() > MAX) {
      throw new IllegalArgumentException(
          "a proof has at most " + MAX + " hashes, got " + list.size());
    }
    byte[][] copy = new byte[list.size()][];
    for (int i = 0; i < copy.length; i++) {
      byte[] hash = Objects.requireNonNull(list.get(i), "hashes[" + i + "]");
      if (hash.length != MerkleHashes.LENGTH) {
        throw new IllegalArgumentException(
            "proof hash " + i + " must be 32 bytes, got " + hash.length);
      }
      copy[i] = hash.clone();
    }
    return new ProofHashes(copy);
  }

  static List<byte[]> decode(List<String> base64) {
    Objects.requireNonNull(base64, "hashes");
    List<byte[]> decoded = new ArrayList<>(base64.size());
    for (int i = 0; i < base64.size(); i++) {
      String text = Objects.requireNonNull(base64.get(i), "hashes[" + i + "]");
      try {
        decoded.add(Base64.getDecoder().decode(text));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("proof hash " + i + " is not base64: " + text, e);
      }
    }
    return decoded;
  }

  static void checkNotNegative(String name, long value) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must be >= 0, got " + value);
    }
  }

  byte[][] raw() {
    return hashes;
  }

  List<byte[]> copies() {
    List<byte[]> copies = new ArrayList<>(hashes.length);
    for (byte[] hash : hashes) {
      copies.add(hash.clone());
    }
    return List.copyOf(copies);
  }

  List<String> base64() {
    List<String> out = new ArrayList<>(hashes.length);
    for (byte[] hash : hashes) {
      out.add(Base64.getEncoder().encodeToString(hash));
    }
    return List.copyOf(out);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ProofHashes p && Arrays.deepEquals(p.hashes, hashes);
  }

  @Override
  public int hashCode() {
    return Arrays.deepHashCode(hashes);
  }

  @Override
  public String toString() {
    return hashes.length + " hashes";
  }
}
