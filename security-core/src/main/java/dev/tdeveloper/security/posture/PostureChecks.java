package dev.tdeveloper.security.posture;

import dev.tdeveloper.security.cert.CertificateMonitor;
import dev.tdeveloper.security.spi.KeyManager;
import dev.tdeveloper.security.spi.SecretStore;
import dev.tdeveloper.security.tls.TlsPolicy;
import dev.tdeveloper.tenancy.Tenant;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.TenantStatus;
import dev.tdeveloper.tenancy.config.TenantConfig;
import dev.tdeveloper.tenancy.spi.TenantRegistry;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javax.net.ssl.SSLParameters;

/**
 * The built-in {@link PostureCheck}s, one per component; pass those of the components you run to
 * {@link PostureScanner.Builder#check}. Each reads its component at every scan (suppliers are
 * called each time), changes nothing, and never reads a secret value. The check ids (and the ids of
 * their findings) are:
 *
 * <ul>
 *   <li>{@code tls}: {@code tls.protocol} (CRITICAL for SSLv3, TLS 1.0 or 1.1, else HIGH), {@code
 *       tls.cipher-suites} (HIGH), {@code tls.provider-defaults} (MEDIUM);
 *   <li>{@code certificates}: {@code .expired} (CRITICAL), {@code .expiring}, {@code
 *       .not-yet-valid}, {@code .unreadable} (HIGH), {@code .not-checked} (MEDIUM);
 *   <li>{@code keys}: {@code .too-old}, {@code .missing} (HIGH), {@code .no-primary}, {@code
 *       .unreadable} (MEDIUM);
 *   <li>{@code secrets}: {@code .too-old}, {@code .no-current} (HIGH), {@code .unreadable}
 *       (MEDIUM);
 *   <li>{@code tenants}: {@code .plan-without-rate-limit} (HIGH), {@code .plan-without-quota},
 *       {@code .tenant-without-quota} (MEDIUM).
 * </ul>
 *
 * <p>A scanner takes one check per id; to check several TLS endpoints, combine them in a check of
 * your own. Thread-safe: holds no state.
 */
public final class PostureChecks {
  private PostureChecks() {}

  /**
   * Checks the {@link TlsPolicy} an endpoint uses against the policy's minimum protocol and cipher
   * suites.
   *
   * @param endpoint names the endpoint in findings, for example {@code https}
   */
  public static PostureCheck tlsPolicy(String endpoint, Supplier<TlsPolicy> inUse) {
    return TlsCheck.ofPolicy(endpoint, Objects.requireNonNull(inUse, "inUse"));
  }

  /**
   * Checks the {@link SSLParameters} an endpoint uses (from its {@code SSLEngine}, {@code
   * SSLServerSocket} or {@code SSLContext}); unset protocols or suites are a finding.
   *
   * @param endpoint names the endpoint in findings
   */
  public static PostureCheck sslParameters(String endpoint, Supplier<SSLParameters> inUse) {
    return TlsCheck.ofParameters(endpoint, Objects.requireNonNull(inUse, "inUse"));
  }

  /** Checks the certificates of {@code monitor}'s last report against the minimum days left. */
  public static PostureCheck certificates(CertificateMonitor monitor) {
    return new CertificateCheck(Objects.requireNonNull(monitor, "monitor"));
  }

  /**
   * Checks every tenant's key in {@code keys}, and that each tenant {@code tenants} returns has one
   * (for example {@link #activeTenants}).
   */
  public static PostureCheck tenantKeys(
      KeyManager keys, Supplier<? extends Collection<TenantId>> tenants) {
    return new KeyCheck(
        Objects.requireNonNull(keys, "keys"), Objects.requireNonNull(tenants, "tenants"));
  }

  /** Checks every tenant's key in {@code keys}, without a list of tenants that need one. */
  public static PostureCheck tenantKeys(KeyManager keys) {
    return tenantKeys(keys, List::of);
  }

  /** Checks the CURRENT version of every secret in {@code store}. */
  public static PostureCheck secrets(SecretStore store) {
    return new SecretCheck(Objects.requireNonNull(store, "store"));
  }

  /**
   * Checks the quotas and rate limits of the {@code tenants.yaml} in force, for example {@code
   * ReloadableTenantConfig::current}.
   */
  public static PostureCheck tenantConfig(Supplier<TenantConfig> inForce) {
    return new TenantConfigCheck(Objects.requireNonNull(inForce, "inForce"));
  }

  /**
   * Returns the ids of the {@link TenantStatus#ACTIVE} tenants of {@code registry}, when called.
   */
  public static Supplier<List<TenantId>> activeTenants(TenantRegistry registry) {
    Objects.requireNonNull(registry, "registry");
    return () ->
        registry.list().stream()
            .filter(t -> t.status() == TenantStatus.ACTIVE)
            .map(Tenant::id)
            .toList();
  }
}
