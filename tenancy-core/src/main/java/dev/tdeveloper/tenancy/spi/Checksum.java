package dev.tdeveloper.tenancy.spi;

import com.google.common.hash.HashCode;
import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A fingerprint of one tenant's data in a store: the number of records and a 256-bit digest that
 * does not depend on the order records are visited in, so two stores holding the same records agree
 * however they store or scan them.
 *
 * <p>Digest: each record is hashed with SHA-256 over its UTF-8 key length (4 bytes, little-endian),
 * its UTF-8 key bytes and its value bytes; the per-record digests are combined with Guava's {@code
 * Hashing.combineUnordered} (byte-wise addition modulo 256), which is commutative. {@link
 * #sha256()} is that combination in lowercase hex; with no records it is 64 zeros. It detects
 * accidental corruption and loss, not tampering by an adversary.
 *
 * <p>Immutable and thread-safe.
 *
 * @param count the number of records, at least 0
 * @param sha256 the combined digest, 64 lowercase hex digits
 */
public record Checksum(long count, String sha256) {
  private static final Pattern HEX_256 = Pattern.compile("[0-9a-f]{64}");

  /** The checksum of no records. */
  public static final Checksum EMPTY = new Checksum(0, "0".repeat(64));

  /**
   * Validates the fields.
   *
   * @throws NullPointerException if {@code sha256} is null
   * @throws IllegalArgumentException if {@code count} is negative or {@code sha256} is not 64
   *     lowercase hex digits
   */
  public Checksum {
    Objects.requireNonNull(sha256, "sha256");
    if (count < 0) {
      throw new IllegalArgumentException("count must be at least 0, was " + count);
    }
    if (!HEX_256.matcher(sha256).matches()) {
      throw new IllegalArgumentException(
          "sha256 must be 64 lowercase hex digits, was '"
              + (sha256.length() > 80 ? sha256.substring(0, 80) + "..." : sha256)
              + "'");
    }
  }

  /** Returns the checksum of {@code records}, in any order. */
  public static Checksum of(Iterable<DataRecord> records) {
    Accumulator accumulator = accumulator();
    Objects.requireNonNull(records, "records").forEach(accumulator::add);
    return accumulator.result();
  }

  /** Returns an empty accumulator, to checksum records streamed page by page. */
  public static Accumulator accumulator() {
    return new Accumulator();
  }

  /** The SHA-256 digest of one record, as combined into a checksum. */
  private static HashCode digest(DataRecord record) {
    byte[] key = record.key().getBytes(StandardCharsets.UTF_8);
    return Hashing.sha256()
        .newHasher()
        .putInt(key.length)
        .putBytes(key)
        .putBytes(record.valueView())
        .hash();
  }

  /**
   * Accumulates a {@link Checksum} record by record. Not thread-safe: use one per scan (or one per
   * thread and {@link #add(Accumulator) add} them).
   */
  public static final class Accumulator {
    private static final int FOLD_EVERY = 1024;
    private final List<HashCode> pending = new ArrayList<>();
    private long count;

    private Accumulator() {}

    /** Adds one record. */
    public Accumulator add(DataRecord record) {
      pending.add(digest(Objects.requireNonNull(record, "record")));
      count++;
      if (pending.size() >= FOLD_EVERY) {
        fold();
      }
      return this;
    }

    /** Adds every record {@code other} has accumulated; {@code other} is unchanged. */
    public Accumulator add(Accumulator other) {
      Objects.requireNonNull(other, "other");
      if (other.count > 0) {
        pending.add(other.sum());
        count += other.count;
      }
      return this;
    }

    /** Returns the checksum of the records added so far. */
    public Checksum result() {
      return count == 0 ? EMPTY : new Checksum(count, sum().toString());
    }

    private HashCode sum() {
      fold();
      return pending.get(0);
    }

    private void fold() {
      if (pending.size() > 1) {
        HashCode combined = Hashing.combineUnordered(pending);
        pending.clear();
        pending.add(combined);
      }
    }
  }
}
