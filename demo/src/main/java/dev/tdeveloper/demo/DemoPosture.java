package dev.tdeveloper.demo;

import dev.tdeveloper.security.posture.PolicyReload;
import dev.tdeveloper.security.posture.PostureChecks;
import dev.tdeveloper.security.posture.PostureEvent;
import dev.tdeveloper.security.posture.PostureReport;
import dev.tdeveloper.security.posture.PostureScanner;
import dev.tdeveloper.security.posture.ReloadableSecurityPolicy;
import dev.tdeveloper.security.spi.KeyManager;
import dev.tdeveloper.tenancy.config.ReloadableTenantConfig;
import dev.tdeveloper.tenancy.spi.TenantRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's security posture: the policy of {@code security.yaml} (next to {@code tenants.yaml},
 * else the bundled one copied into the data directory) kept current all-or-nothing, and a {@link
 * PostureScanner} over the live components: the quotas and rate limits of the {@code tenants.yaml}
 * in force, every active tenant's key (age, state) and, with TLS on, the endpoint's TLS policy and
 * certificate. Findings that open or resolve are logged. Thread-safe.
 */
final class DemoPosture {
  private static final Logger LOG = LoggerFactory.getLogger(DemoPosture.class);

  final ReloadableSecurityPolicy policy;
  private final InstantSource clock;
  private final ReloadableTenantConfig tenants;
  private final KeyManager keys;
  private final TenantRegistry registry;
  private final AtomicReference<PostureScanner> scanner = new AtomicReference<>();
  private final AtomicReference<Optional<PolicyReload.Refused>> lastRefusal =
      new AtomicReference<>(Optional.empty());

  DemoPosture(
      DemoOptions options,
      InstantSource clock,
      ReloadableTenantConfig tenants,
      KeyManager keys,
      TenantRegistry registry)
      throws IOException {
    this.clock = clock;
    this.tenants = tenants;
    this.keys = keys;
    this.registry = registry;
    this.policy =
        ReloadableSecurityPolicy.builder(policyFile(options))
            .clock(clock)
            .listener(
                event ->
                    lastRefusal.set(
                        event.result() instanceof PolicyReload.Refused refused
                            ? Optional.of(refused)
                            : Optional.empty()))
            .build();
  }

  /**
   * Adds the TLS endpoint's checks when TLS is on, and returns this; the scanner is fixed by the
   * first call of this method or {@link #scan()}.
   */
  DemoPosture including(Optional<TlsEndpoint> tls) {
    if (scanner.get() == null) {
      scanner.compareAndSet(null, build(tls));
    }
    return this;
  }

  /** Returns {@code GET /ops/posture}'s servlet, {@linkplain #including including} {@code tls}. */
  ServletHolder servlet(Optional<TlsEndpoint> tls) {
    return new ServletHolder(new PostureServlet(including(tls)));
  }

  private PostureScanner build(Optional<TlsEndpoint> tls) {
    PostureScanner.Builder builder =
        PostureScanner.builder()
            .policy(policy::current)
            .clock(clock)
            .check(PostureChecks.tenantConfig(tenants::current))
            .check(PostureChecks.tenantKeys(keys, PostureChecks.activeTenants(registry)))
            .listener(DemoPosture::log);
    tls.ifPresent(
        t ->
            builder
                .check(PostureChecks.tlsPolicy("https", t::policy))
                .check(PostureChecks.certificates(t.monitor())));
    return builder.build();
  }

  /** Reloads {@code security.yaml} if it changed (all-or-nothing), then scans. */
  PostureReport scan() {
    policy.reloadIfChanged();
    return including(Optional.empty()).scanner.get().scan();
  }

  /** Returns the last scan's report, scanning now if none ran yet. */
  PostureReport report() {
    return including(Optional.empty()).scanner.get().lastReport().orElseGet(this::scan);
  }

  /** Returns why the last reload of {@code security.yaml} was refused, if it was. */
  Optional<PolicyReload.Refused> lastRefusal() {
    return lastRefusal.get();
  }

  private static void log(PostureEvent event) {
    if (event instanceof PostureEvent.FindingOpened opened) {
      LOG.warn("posture finding opened: {}", opened.finding());
    } else if (event instanceof PostureEvent.FindingResolved resolved) {
      LOG.info("posture finding resolved: {}", resolved.finding());
    }
  }

  private static Path policyFile(DemoOptions options) throws IOException {
    Path beside = options.config().resolveSibling("security.yaml");
    if (Files.exists(beside)) {
      return beside;
    }
    Path extracted = options.dataDir().resolve("security.yaml");
    if (!Files.exists(extracted)) {
      try (InputStream in =
          DemoPosture.class.getResourceAsStream("/config/production/security.yaml")) {
        if (in == null) {
          throw new IOException("no bundled security.yaml and none at " + beside);
        }
        Files.copy(in, extracted);
      }
    }
    LOG.info("{} not found; using {}", beside, extracted);
    return extracted;
  }
}
