package dev.tdeveloper.security.crypto;

import dev.tdeveloper.tenancy.TenantId;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How old a tenant's primary key version may grow before {@link KeyLifecycle#rotateDue()} adds a
 * new one: a default maximum age ({@link #DEFAULT_MAXIMUM_AGE}, 90 days) and per-tenant overrides.
 * Immutable and thread-safe.
 */
public final class KeyRotationPolicy {
  /** The default maximum age of a primary key version: 90 days. */
  public static final Duration DEFAULT_MAXIMUM_AGE = Duration.ofDays(90);

  /** The smallest maximum age allowed: one second. */
  public static final Duration MIN_MAXIMUM_AGE = Duration.ofSeconds(1);

  private static final KeyRotationPolicy DEFAULTS =
      new KeyRotationPolicy(DEFAULT_MAXIMUM_AGE, Map.of());

  private final Duration defaultAge;
  private final Map<TenantId, Duration> perTenant;

  private KeyRotationPolicy(Duration defaultAge, Map<TenantId, Duration> perTenant) {
    this.defaultAge = defaultAge;
    this.perTenant = perTenant;
  }

  /** Returns the policy rotating every tenant's key after 90 days. */
  public static KeyRotationPolicy defaults() {
    return DEFAULTS;
  }

  /**
   * Returns a policy rotating every tenant's key after {@code maximumAge}.
   *
   * @throws IllegalArgumentException if {@code maximumAge} is shorter than one second
   */
  public static KeyRotationPolicy maximumAge(Duration maximumAge) {
    return new KeyRotationPolicy(check("maximumAge", maximumAge), Map.of());
  }

  /**
   * Returns a copy in which {@code tenant}'s key rotates after {@code maximumAge}.
   *
   * @throws IllegalArgumentException if {@code maximumAge} is shorter than one second
   */
  public KeyRotationPolicy withTenant(TenantId tenant, Duration maximumAge) {
    Objects.requireNonNull(tenant, "tenant");
    Map<TenantId, Duration> copy = new HashMap<>(perTenant);
    copy.put(tenant, check("maximumAge of tenant " + tenant.value(), maximumAge));
    return new KeyRotationPolicy(defaultAge, Map.copyOf(copy));
  }

  /** Returns how old {@code tenant}'s primary version may grow. */
  public Duration maximumAge(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    return perTenant.getOrDefault(tenant, defaultAge);
  }

  private static Duration check(String name, Duration age) {
    Objects.requireNonNull(age, "maximumAge");
    if (age.compareTo(MIN_MAXIMUM_AGE) < 0) {
      throw new IllegalArgumentException(name + " must be at least PT1S, was " + age);
    }
    return age;
  }

  @Override
  public String toString() {
    return "KeyRotationPolicy[default " + defaultAge + ", overrides " + perTenant + "]";
  }
}
