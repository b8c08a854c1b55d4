package dev.tdeveloper.compliance.controls;

import dev.tdeveloper.compliance.spi.EvidencePeriod;
import dev.tdeveloper.tenancy.TenantId;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Evidence that encryption at rest is on for every tenant (SOC 2 CC6.1, CC6.7, C1.1). Each tenant
 * is checked on its own: FAIL names exactly the tenants without encryption, and a tenant whose
 * status cannot be read is reported as such without affecting any other tenant. Immutable and
 * thread-safe if its inputs are.
 */
public final class EncryptionAtRestCollector extends BuiltInCollector {
  /** The default collector id. */
  public static final String DEFAULT_ID = "encryption.at-rest";

  private static final Set<String> CONTROLS = Set.of("CC6.1", "CC6.7", "C1.1");

  /** Tells whether one tenant's data is encrypted at rest; must be thread-safe. */
  @FunctionalInterface
  public interface Status {
    /** Returns whether {@code tenant}'s stored data is encrypted at rest now. */
    boolean encryptedAtRest(TenantId tenant);
  }

  private final TenantPopulation tenants;
  private final Status status;

  private EncryptionAtRestCollector(
      CollectorSettings settings, TenantPopulation tenants, Status status) {
    super(settings, CONTROLS);
    this.tenants = tenants;
    this.status = status;
  }

  /**
   * Starts a collector.
   *
   * @param tenants the tenants that must be encrypted
   * @param status tells whether a tenant is
   * @return a builder; the owner must be set
   */
  public static Builder builder(TenantPopulation tenants, Status status) {
    return new Builder(
        Objects.requireNonNull(tenants, "tenants"), Objects.requireNonNull(status, "status"));
  }

  @Override
  String query(EvidencePeriod period) {
    return "asked the encryption status of each tenant in the population at collection time";
  }

  @Override
  CollectorSettings.Outcome measure(EvidencePeriod period) {
    Set<TenantId> population = new TreeSet<>(tenants.tenants());
    Findings findings = new Findings();
    for (TenantId tenant : population) {
      try {
        if (!status.encryptedAtRest(tenant)) {
          findings.fail(tenant.value(), "encryption at rest is off");
        }
      } catch (RuntimeException e) {
        findings.unreadable(tenant.value(), e);
      }
    }
    return new CollectorSettings.Outcome(
        population.size(),
        tenants.description(),
        findings.result(
            population.size(),
            "tenants",
            "encryption at rest is on for all " + population.size() + " tenants",
            "have no encryption at rest"));
  }

  /** Builds an {@link EncryptionAtRestCollector}; not thread-safe. */
  public static final class Builder extends CollectorBuilder<Builder> {
    private final TenantPopulation tenants;
    private final Status status;

    private Builder(TenantPopulation tenants, Status status) {
      super(DEFAULT_ID, "tenant storage encryption settings");
      this.tenants = tenants;
      this.status = status;
    }

    /**
     * Builds the collector.
     *
     * @throws IllegalStateException if the owner was not set
     */
    public EncryptionAtRestCollector build() {
      return new EncryptionAtRestCollector(settings(), tenants, status);
    }
  }
}
