package dev.tdeveloper.security.posture;

import dev.tdeveloper.security.tls.TlsPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What the {@link PostureScanner} checks the live components against; loaded from {@code
 * security.yaml} by {@link SecurityPolicyLoader} (format: {@code docs/security-yaml.md}) or built
 * with {@link #builder()}. {@link #defaults()} is the suite's baseline: TLS 1.3 only with {@link
 * TlsPolicy#DEFAULT_CIPHER_SUITES}, keys and secrets at most {@value #DEFAULT_MAXIMUM_AGE_DAYS}
 * days old, certificates with at least {@value #DEFAULT_CERTIFICATE_MINIMUM_DAYS} days left, and a
 * quota, a rate limit and a key required for every plan or tenant.
 *
 * <p>Immutable and thread-safe.
 *
 * @param tls the minimum protocol and the allowed cipher suites (a valid {@link TlsPolicy})
 * @param keyMaximumAge how old a tenant's primary key version may be; {@link #MIN_AGE} to {@link
 *     #MAX_AGE}
 * @param secretMaximumAge how old a secret's CURRENT version may be; {@link #MIN_AGE} to {@link
 *     #MAX_AGE}
 * @param certificateMinimumDaysLeft the fewest whole days a certificate may have left; 1 to {@value
 *     #MAX_CERTIFICATE_DAYS}
 * @param requireTenantKey whether every tenant needs an encryption key
 * @param requireQuota whether every plan (and so every tenant) needs at least one quota
 * @param requireRateLimit whether every plan needs a rate limit
 */
public record SecurityPolicy(
    TlsPolicy tls,
    Duration keyMaximumAge,
    Duration secretMaximumAge,
    int certificateMinimumDaysLeft,
    boolean requireTenantKey,
    boolean requireQuota,
    boolean requireRateLimit) {

  /** The default maximum age of keys and secrets, in days: {@value}. */
  public static final int DEFAULT_MAXIMUM_AGE_DAYS = 90;

  /** The default fewest days a certificate may have left: {@value}. */
  public static final int DEFAULT_CERTIFICATE_MINIMUM_DAYS = 30;

  /** The largest minimum of days left: {@value}. */
  public static final int MAX_CERTIFICATE_DAYS = 3650;

  /** The shortest maximum age of keys and secrets: 1 hour. */
  public static final Duration MIN_AGE = Duration.ofHours(1);

  /** The longest maximum age of keys and secrets: 3650 days. */
  public static final Duration MAX_AGE = Duration.ofDays(3650);

  private static final SecurityPolicy DEFAULTS = builder().build();

  /**
   * Validates the fields.
   *
   * @throws NullPointerException if a field is null
   * @throws IllegalArgumentException naming the field, its value and the allowed range
   */
  public SecurityPolicy {
    Objects.requireNonNull(tls, "tls");
    checkAge("keyMaximumAge", keyMaximumAge);
    checkAge("secretMaximumAge", secretMaximumAge);
    if (certificateMinimumDaysLeft < 1 || certificateMinimumDaysLeft > MAX_CERTIFICATE_DAYS) {
      throw new IllegalArgumentException(
          "certificateMinimumDaysLeft must be from 1 to "
              + MAX_CERTIFICATE_DAYS
              + ", was "
              + certificateMinimumDaysLeft);
    }
  }

  private static void checkAge(String field, Duration age) {
    Objects.requireNonNull(age, field);
    if (age.compareTo(MIN_AGE) < 0 || age.compareTo(MAX_AGE) > 0) {
      throw new IllegalArgumentException(
          field + " must be from " + MIN_AGE + " to " + MAX_AGE + ", was " + age);
    }
  }

  /** Returns the baseline policy described in the class comment. */
  public static SecurityPolicy defaults() {
    return DEFAULTS;
  }

  /** Returns a builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the minimum TLS protocol, {@code TLSv1.3} or {@code TLSv1.2}. */
  public String minimumTlsProtocol() {
    return tls.minimumProtocol();
  }

  /** Returns the allowed cipher suites (IANA names). */
  public List<String> allowedCipherSuites() {
    return tls.cipherSuites();
  }

  /**
   * Builds a {@link SecurityPolicy}; every setting starts at its default and may be set once. Not
   * thread-safe.
   */
  public static final class Builder {
    private TlsPolicy tls;
    private Duration keyMaximumAge;
    private Duration secretMaximumAge;
    private Integer certificateMinimumDaysLeft;
    private Boolean requireTenantKey;
    private Boolean requireQuota;
    private Boolean requireRateLimit;

    private Builder() {}

    /**
     * Sets the minimum protocol and allowed cipher suites; default {@link TlsPolicy#defaults()}.
     *
     * @throws IllegalStateException if already set
     */
    public Builder tls(TlsPolicy tls) {
      this.tls = once("tls", this.tls, tls);
      return this;
    }

    /**
     * Sets the maximum age of tenant keys; default {@value #DEFAULT_MAXIMUM_AGE_DAYS} days.
     *
     * @throws IllegalStateException if already set
     */
    public Builder keyMaximumAge(Duration age) {
      this.keyMaximumAge = once("keyMaximumAge", this.keyMaximumAge, age);
      return this;
    }

    /**
     * Sets the maximum age of secrets; default {@value #DEFAULT_MAXIMUM_AGE_DAYS} days.
     *
     * @throws IllegalStateException if already set
     */
    public Builder secretMaximumAge(Duration age) {
      this.secretMaximumAge = once("secretMaximumAge", this.secretMaximumAge, age);
      return this;
    }

    /**
     * Sets the fewest days certificates may have left; default {@value
     * #DEFAULT_CERTIFICATE_MINIMUM_DAYS}.
     *
     * @throws IllegalStateException if already set
     */
    public Builder certificateMinimumDaysLeft(int days) {
      this.certificateMinimumDaysLeft =
          once("certificateMinimumDaysLeft", this.certificateMinimumDaysLeft, days);
      return this;
    }

    /**
     * Sets whether every tenant needs a key; default true.
     *
     * @throws IllegalStateException if already set
     */
    public Builder requireTenantKey(boolean required) {
      this.requireTenantKey = once("requireTenantKey", this.requireTenantKey, required);
      return this;
    }

    /**
     * Sets whether every plan needs a quota; default true.
     *
     * @throws IllegalStateException if already set
     */
    public Builder requireQuota(boolean required) {
      this.requireQuota = once("requireQuota", this.requireQuota, required);
      return this;
    }

    /**
     * Sets whether every plan needs a rate limit; default true.
     *
     * @throws IllegalStateException if already set
     */
    public Builder requireRateLimit(boolean required) {
      this.requireRateLimit = once("requireRateLimit", this.requireRateLimit, required);
      return this;
    }

    /**
     * Returns the policy.
     *
     * @throws IllegalArgumentException naming the first bad setting, its value and allowed range
     */
    public SecurityPolicy build() {
      Duration defaultAge = Duration.ofDays(DEFAULT_MAXIMUM_AGE_DAYS);
      return new SecurityPolicy(
          tls == null ? TlsPolicy.defaults() : tls,
          keyMaximumAge == null ? defaultAge : keyMaximumAge,
          secretMaximumAge == null ? defaultAge : secretMaximumAge,
          certificateMinimumDaysLeft == null
              ? DEFAULT_CERTIFICATE_MINIMUM_DAYS
              : certificateMinimumDaysLeft,
          requireTenantKey == null || requireTenantKey,
          requireQuota == null || requireQuota,
          requireRateLimit == null || requireRateLimit);
    }

    private static <T> T once(String name, T current, T value) {
      Objects.requireNonNull(value, name);
      if (current != null) {
        throw new IllegalStateException(name + " was already set to " + current);
      }
      return value;
    }
  }
}
