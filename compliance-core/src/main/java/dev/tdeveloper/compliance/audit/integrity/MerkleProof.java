package dev.tdeveloper.compliance.audit.integrity;

import java.util.List;
import java.util.Objects;

/**
 * What an inclusion and a consistency proof share: two tree numbers, checked not negative, and the
 * validated hash list, copied in and out. A proof equals another of the same class with the same
 * numbers and hashes. Immutable and thread-safe.
 */
abstract class MerkleProof {
  private final long first;
  private final long second;
  private final ProofHashes hashes;

  MerkleProof(String firstName, long first, String secondName, long second, List<byte[]> hashes) {
    ProofHashes.checkNotNegative(firstName, first);
    ProofHashes.checkNotNegative(secondName, second);
    this.first = first;
    this.second = second;
    this.hashes = ProofHashes.copyOf(hashes);
  }

  final long first() {
    return first;
  }

  final long second() {
    return second;
  }

  /** Returns copies of the proof's hashes, in RFC 9162 order (an audit path bottom-up). */
  public final List<byte[]> hashes() {
    return hashes.copies();
  }

  /** Returns the proof's hashes in base64 (standard alphabet), for JSON export. */
  public final List<String> hashesBase64() {
    return hashes.base64();
  }

  final byte[][] raw() {
    return hashes.raw();
  }

  /** Describes the two numbers for {@link #toString()}, such as {@code leaf 3 of 8}. */
  abstract String numbers();

  @Override
  public final boolean equals(Object o) {
    return o != null
        && o.getClass() == getClass()
        && ((MerkleProof) o).first == first
        && ((MerkleProof) o).second == second
        && ((MerkleProof) o).hashes.equals(hashes);
  }

  @Override
  public final int hashCode() {
    return Objects.hash(first, second, hashes);
  }

  @Override
  public final String toString() {
    return getClass().getSimpleName() + "[" + numbers() + ", " + hashes + "]";
  }
}
