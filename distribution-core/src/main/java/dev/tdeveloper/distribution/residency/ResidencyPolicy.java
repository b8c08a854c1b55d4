package dev.tdeveloper.distribution.residency;

import dev.tdeveloper.distribution.region.Jurisdiction;
import dev.tdeveloper.distribution.region.Region;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where a tenant's data may be stored, processed and replicated. GDPR-style "EU only" is {@link
 * #within(String, Jurisdiction) within("eu-only", EU)}; data sovereignty is the same with a country
 * ({@code DE}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the policy's name in {@code regions.yaml} and in messages, a lowercase token
 * @param storage where the primary copy may live
 * @param processing where requests on the data may be handled
 * @param replicas where replicas may live
 */
public record ResidencyPolicy(
    String name, Placement storage, Placement processing, Placement replicas) {
  private static final Pattern TOKEN = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");
  private static final ResidencyPolicy UNRESTRICTED =
      new ResidencyPolicy(
          "unrestricted", Placement.anywhere(), Placement.anywhere(), Placement.anywhere());

  /**
   * Validates the policy.
   *
   * @throws IllegalArgumentException if the name is not a lowercase token
   */
  public ResidencyPolicy {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(storage, "storage");
    Objects.requireNonNull(processing, "processing");
    Objects.requireNonNull(replicas, "replicas");
    if (!TOKEN.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "residency policy name '" + name + "' is invalid; allowed: a lowercase token");
    }
  }

  /** Returns the policy that allows every region for every purpose. */
  public static ResidencyPolicy unrestricted() {
    return UNRESTRICTED;
  }

  /**
   * Returns a policy that keeps storage, processing and replicas within {@code jurisdiction}.
   *
   * @param name the policy's name
   * @param jurisdiction a country or group, such as {@code EU} or {@code DE}
   * @return the policy
   */
  public static ResidencyPolicy within(String name, Jurisdiction jurisdiction) {
    Placement p = Placement.in(Set.of(jurisdiction));
    return new ResidencyPolicy(name, p, p, p);
  }

  /**
   * Returns the placement for {@code purpose}.
   *
   * @param purpose what the region would do with the data
   * @return the placement
   */
  public Placement placement(DataPurpose purpose) {
    return switch (purpose) {
      case STORAGE -> storage;
      case PROCESSING -> processing;
      case REPLICA -> replicas;
    };
  }

  /**
   * Returns whether {@code region} may hold the data for {@code purpose}.
   *
   * @param purpose what the region would do
   * @param region the region
   * @return true when allowed
   */
  public boolean allows(DataPurpose purpose, Region region) {
    return placement(purpose).allows(region);
  }
}
