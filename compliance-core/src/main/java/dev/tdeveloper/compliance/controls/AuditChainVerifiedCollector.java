package dev.tdeveloper.compliance.controls;

import dev.tdeveloper.compliance.spi.EvidencePeriod;
import dev.tdeveloper.compliance.spi.EvidenceResult;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Evidence that the audit log is intact: every entry verifies against the hash chain and the Merkle
 * tree (SOC 2 CC7.2 monitoring, CC4.1 ongoing evaluation). FAIL names the first bad index and what
 * the verifier reported. Immutable and thread-safe if the check is.
 */
public final class AuditChainVerifiedCollector extends BuiltInCollector {
  /** The default collector id. */
  public static final String DEFAULT_ID = "audit.chain-verified";

  private static final Set<String> CONTROLS = Set.of("CC7.2", "CC4.1");

  private final AuditIntegrityCheck check;

  private AuditChainVerifiedCollector(CollectorSettings settings, AuditIntegrityCheck check) {
    super(settings, CONTROLS);
    this.check = check;
  }

  /**
   * Starts a collector over {@code check}.
   *
   * @param check verifies the audit log
   * @return a builder; the owner must be set
   */
  public static Builder builder(AuditIntegrityCheck check) {
    return new Builder(Objects.requireNonNull(check, "check"));
  }

  @Override
  String query(EvidencePeriod period) {
    return "ran the audit integrity verifier over every entry of the audit log: leaf hashes, "
        + "hash chain and Merkle tree against the latest checkpoint";
  }

  @Override
  CollectorSettings.Outcome measure(EvidencePeriod period) {
    AuditIntegrityCheck.Result r =
        Objects.requireNonNull(check.verify(), "the audit integrity check returned null");
    String population = "every entry of the audit log (" + r.description() + ")";
    if (r.ok()) {
      return new CollectorSettings.Outcome(
          r.entriesChecked(),
          population,
          EvidenceResult.pass(r.entriesChecked() + " audit entries verified; chain intact"));
    }
    TreeMap<String, String> facts = new TreeMap<>();
    r.firstBadIndex().ifPresent(i -> facts.put("firstBadIndex", Long.toString(i)));
    facts.put("verifier", r.description());
    String where =
        r.firstBadIndex().isPresent()
            ? "first bad entry at index " + r.firstBadIndex().getAsLong()
            : "the log does not match its checkpoint";
    return new CollectorSettings.Outcome(
        r.entriesChecked(),
        population,
        EvidenceResult.fail("audit log integrity broken: " + where, facts));
  }

  /** Builds an {@link AuditChainVerifiedCollector}; not thread-safe. */
  public static final class Builder extends CollectorBuilder<Builder> {
    private final AuditIntegrityCheck check;

    private Builder(AuditIntegrityCheck check) {
      super(DEFAULT_ID, "audit log");
      this.check = check;
    }

    /**
     * Builds the collector.
     *
     * @throws IllegalStateException if the owner was not set
     */
    public AuditChainVerifiedCollector build() {
      return new AuditChainVerifiedCollector(settings(), check);
    }
  }
}
