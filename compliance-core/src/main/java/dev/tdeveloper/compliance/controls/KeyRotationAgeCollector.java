package dev.tdeveloper.compliance.controls;

import dev.tdeveloper.compliance.spi.EvidencePeriod;
import dev.tdeveloper.tenancy.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Evidence that every tenant's current encryption key is younger than a maximum age, measured at
 * collection time (SOC 2 CC6.1). FAIL names exactly the overdue tenants with their key's age, and
 * tenants without a key. Immutable and thread-safe if its inputs are.
 */
public final class KeyRotationAgeCollector extends BuiltInCollector {
  /** The default collector id. */
  public static final String DEFAULT_ID = "keys.rotation-age";

  /** The default maximum key age: one year, the yearly rotation of AWS KMS and most policies. */
  public static final Duration DEFAULT_MAX_AGE = Duration.ofDays(365);

  private static final Set<String> CONTROLS = Set.of("CC6.1");

  /** Gives the creation time of a tenant's current key; must be thread-safe. */
  @FunctionalInterface
  public interface KeyAges {
    /** Returns when {@code tenant}'s current key was created, or empty if it has none. */
    Optional<Instant> currentKeyCreatedAt(TenantId tenant);
  }

  private final TenantPopulation tenants;
  private final KeyAges keys;
  private final Duration maxAge;

  private KeyRotationAgeCollector(
      CollectorSettings settings, TenantPopulation tenants, KeyAges keys, Duration maxAge) {
    super(settings, CONTROLS);
    this.tenants = tenants;
    this.keys = keys;
    this.maxAge = maxAge;
  }

  /**
   * Starts a collector.
   *
   * @param tenants the tenants whose keys must rotate
   * @param keys gives each tenant's current key creation time
   * @return a builder; the owner must be set
   */
  public static Builder builder(TenantPopulation tenants, KeyAges keys) {
    return new Builder(
        Objects.requireNonNull(tenants, "tenants"), Objects.requireNonNull(keys, "keys"));
  }

  /** Returns the maximum key age. */
  public Duration maxAge() {
    return maxAge;
  }

  @Override
  String query(EvidencePeriod period) {
    return "read the creation time of each tenant's current key and compared its age at "
        + "collection time with the maximum age "
        + maxAge;
  }

  @Override
  CollectorSettings.Outcome measure(EvidencePeriod period) {
    Instant now = now();
    Set<TenantId> population = new TreeSet<>(tenants.tenants());
    Findings findings = new Findings();
    for (TenantId tenant : population) {
      try {
        Optional<Instant> created =
            Objects.requireNonNull(keys.currentKeyCreatedAt(tenant), "key age source");
        if (created.isEmpty()) {
          findings.fail(tenant.value(), "no current key");
        } else if (created.get().isAfter(now)) {
          findings.fail(tenant.value(), "key creation time " + created.get() + " is in the future");
        } else {
          Duration age = Duration.between(created.get(), now);
          if (age.compareTo(maxAge) > 0) {
            findings.fail(
                tenant.value(),
                "key created "
                    + created.get()
                    + " is "
                    + age.toDays()
                    + " days old; max "
                    + maxAge.toDays()
                    + " days");
          }
        }
      } catch (RuntimeException e) {
        findings.unreadable(tenant.value(), e);
      }
    }
    return new CollectorSettings.Outcome(
        population.size(),
        "the current key of " + tenants.description(),
        findings.result(
            population.size(),
            "tenants",
            "all "
                + population.size()
                + " tenant keys are younger than "
                + maxAge.toDays()
                + " days",
            "have an overdue or missing key"));
  }

  /** Builds a {@link KeyRotationAgeCollector}; not thread-safe. */
  public static final class Builder extends CollectorBuilder<Builder> {
    private final TenantPopulation tenants;
    private final KeyAges keys;
    private Duration maxAge;

    private Builder(TenantPopulation tenants, KeyAges keys) {
      super(DEFAULT_ID, "key manager");
      this.tenants = tenants;
      this.keys = keys;
    }

    /**
     * Sets the maximum key age (default {@link #DEFAULT_MAX_AGE}, 365 days).
     *
     * @throws IllegalArgumentException if not positive
     * @throws IllegalStateException if set twice
     */
    public Builder maxAge(Duration maxAge) {
      this.maxAge = Ages.once("maxAge", this.maxAge, maxAge);
      return this;
    }

    /**
     * Builds the collector.
     *
     * @throws IllegalStateException if the owner was not set
     */
    public KeyRotationAgeCollector build() {
      return new KeyRotationAgeCollector(
          settings(), tenants, keys, maxAge == null ? DEFAULT_MAX_AGE : maxAge);
    }
  }
}
