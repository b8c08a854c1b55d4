package dev.tdeveloper.compliance.audit.file;

import dev.tdeveloper.compliance.ComplianceException;
import dev.tdeveloper.compliance.audit.integrity.KeyedChain;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Checks a {@link FileAuditSink} directory offline, reading only, without taking its lock (it may
 * run on a copy, or next to a running sink), and names the first bad entry. In order: every frame
 * intact (a torn tail of the last segment, which the sink cuts when it opens, is not an entry),
 * sequences contiguous from the first retained one, each leaf hash equal to {@code SHA-256(0x00 ||
 * event)} and to its copy in {@code leaves.hashes}, which must hold no more entries than the
 * segments; with the key, the keyed chain recomputed; the log at least as long as the expected size
 * (say, of the newest anchored checkpoint); then the added {@link LogCheck}s.
 *
 * <p>After retention the chain is checked from the <em>anchor</em>: the sink keeps the chain value
 * of the last removed entry in its state file, so the first retained entry is checked too (a forged
 * anchor fails there, as it needs the key).
 *
 * <p>Immutable and thread-safe if its checks are.
 */
public final class AuditVerifier {
  private final Path directory;
  private final Optional<KeyedChain> chain;
  private final OptionalLong expectedSize;
  private final List<LogCheck> checks;

  private AuditVerifier(Builder builder) {
    this.directory = builder.directory;
    this.chain = builder.chain;
    this.expectedSize = builder.expectedSize;
    this.checks = List.copyOf(builder.checks);
  }

  /** Returns a builder of a verifier of the log in {@code directory}. */
  public static Builder builder(Path directory) {
    return new Builder(directory);
  }

  /**
   * Verifies the log as it is now.
   *
   * @throws ComplianceException if the directory holds no audit log or cannot be read
   */
  public VerificationReport verify() {
    try {
      return new VerifierScan(directory, chain, expectedSize, checks).run();
    } catch (IOException e) {
      throw new ComplianceException("cannot verify audit log " + directory + ": " + e, e);
    }
  }

  /** Configures an {@link AuditVerifier}; each setting once. Not thread-safe. */
  public static final class Builder {
    private final Path directory;
    private Optional<KeyedChain> chain = Optional.empty();
    private OptionalLong expectedSize = OptionalLong.empty();
    private final List<LogCheck> checks = new ArrayList<>();

    private Builder(Path directory) {
      this.directory = Objects.requireNonNull(directory, "directory");
    }

    /**
     * Checks the keyed chain of every stored entry with this key's chain.
     *
     * @throws IllegalStateException if already set
     */
    public Builder chain(KeyedChain chain) {
      Objects.requireNonNull(chain, "chain");
      if (this.chain.isPresent()) {
        throw new IllegalStateException("chain was already set");
      }
      this.chain = Optional.of(chain);
      return this;
    }

    /**
     * Reports {@link VerificationReport.Kind#TAIL_MISSING} if the log holds fewer entries, for
     * example the size of the newest checkpoint anchored outside the log.
     *
     * @throws IllegalArgumentException if negative
     * @throws IllegalStateException if already set
     */
    public Builder expectedSize(long size) {
      if (size < 0) {
        throw new IllegalArgumentException("expectedSize must be >= 0, was " + size);
      }
      if (expectedSize.isPresent()) {
        throw new IllegalStateException("expectedSize was already set");
      }
      this.expectedSize = OptionalLong.of(size);
      return this;
    }

    /** Adds a check run after the built-in ones pass, in the order added. */
    public Builder check(LogCheck check) {
      checks.add(Objects.requireNonNull(check, "check"));
      return this;
    }

    /** Returns the verifier. */
    public AuditVerifier build() {
      return new AuditVerifier(this);
    }
  }
}
