package dev.tdeveloper.demo;

import dev.tdeveloper.dr.service.SourceStatus;
import dev.tdeveloper.scaling.config.HealthSettings;
import dev.tdeveloper.scaling.health.HealthCheck;
import dev.tdeveloper.scaling.health.HealthCheckRegistry;
import dev.tdeveloper.scaling.health.HealthResult;
import dev.tdeveloper.scaling.health.HealthStatus;
import dev.tdeveloper.tenancy.Tenant;
import dev.tdeveloper.tenancy.time.Ticker;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * The demo's health checks, grouped as the Kubernetes probes:
 *
 * <ul>
 *   <li><b>liveness</b> ({@code /health/live}, and {@code /health}): {@value #DEADLOCKS}, DOWN when
 *       the JVM finds deadlocked threads, the one failure a restart cures;
 *   <li><b>readiness</b> ({@code /health/ready}): {@value #AUDIT} (DOWN once the audit log failed a
 *       write or was closed, as it then refuses every event), {@value #DISK} (DOWN when the data
 *       directory's usable space is below {@link DemoOptions#minFreeDiskBytes()}), {@value
 *       #TENANTS} (DOWN while {@code tenants.yaml} lists tenants and the registry holds none), and
 *       the non-critical {@value #BACKUPS} (DOWN when a tenant's backups breach their RPO:
 *       reported, but it does not take the instance out of rotation);
 *   <li><b>startup</b> ({@code /health/started}): {@value #STARTED}, UP once every service is built
 *       and every background job scheduled.
 * </ul>
 *
 * The checks are code; their timeouts, cache TTLs and criticality, and the groups, come from the
 * {@code health} section of the demo's {@code scaling.yaml} (2 s timeouts, results reused for 1 s
 * of the ticker so a probe storm costs one run per second, the backups check non-critical).
 * Thread-safe.
 */
final class DemoHealth implements AutoCloseable {
  static final String DEADLOCKS = "deadlocks";
  static final String AUDIT = "audit-log";
  static final String DISK = "disk-space";
  static final String TENANTS = "tenant-registry";
  static final String BACKUPS = "backups-rpo";
  static final String STARTED = "services";

  final HealthCheckRegistry registry;
  private final AtomicBoolean started = new AtomicBoolean();

  /**
   * Registers the checks with {@code settings}.
   *
   * @throws IllegalArgumentException if {@code settings} configures or groups a check the demo does
   *     not have, naming it
   */
  DemoHealth(
      DemoServices services,
      DemoOptions options,
      HealthSettings settings,
      InstantSource clock,
      Ticker ticker) {
    Path data = options.dataDir();
    long minFree = options.minFreeDiskBytes();
    Map<String, HealthCheck> checks = new LinkedHashMap<>();
    checks.put(DEADLOCKS, DemoHealth::deadlocks);
    checks.put(AUDIT, () -> audit(services.audit));
    checks.put(DISK, () -> disk(data, minFree));
    checks.put(TENANTS, () -> tenants(services));
    checks.put(BACKUPS, () -> backups(services.backups.recovery().status()));
    checks.put(STARTED, () -> HealthResult.of(started.get() ? HealthStatus.UP : HealthStatus.DOWN));
    this.registry =
        settings
            .configure(HealthCheckRegistry.builder().clock(clock).ticker(ticker), checks)
            .build();
  }

  /** Marks the demo started: every service built, every background job scheduled. */
  void started() {
    started.set(true);
  }

  private static HealthResult deadlocks() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long[] ids = threads.findDeadlockedThreads();
    if (ids == null) {
      return HealthResult.up();
    }
    String names =
        Arrays.stream(threads.getThreadInfo(ids))
            .filter(info -> info != null)
            .map(ThreadInfo::getThreadName)
            .collect(Collectors.joining(", "));
    return HealthResult.down(ids.length + " deadlocked threads: " + names)
        .withDetail("deadlocked", ids.length);
  }

  private static HealthResult audit(DemoAudit audit) {
    Optional<String> refusal = audit.refusal();
    HealthResult result = refusal.map(HealthResult::down).orElseGet(HealthResult::up);
    return result.withDetail("refusedEvents", audit.filter.refusedCount());
  }

  private static HealthResult disk(Path data, long minFree) throws IOException {
    long usable = Files.getFileStore(data).getUsableSpace();
    HealthResult result =
        usable >= minFree
            ? HealthResult.up()
            : HealthResult.down(
                "usable space " + usable + " bytes is below the minimum " + minFree + " bytes");
    return result.withDetail("usableBytes", usable).withDetail("minimumBytes", minFree);
  }

  private static HealthResult tenants(DemoServices services) {
    List<Tenant> listed = services.config.current().tenants();
    long registered =
        listed.stream().filter(t -> services.registry.find(t.id()).isPresent()).count();
    HealthResult result =
        !listed.isEmpty() && registered == 0
            ? HealthResult.down("tenants.yaml lists tenants but none is registered yet")
            : HealthResult.up();
    return result.withDetail("listed", listed.size()).withDetail("registered", registered);
  }

  private static HealthResult backups(List<SourceStatus> sources) {
    List<String> breached =
        sources.stream()
            .filter(SourceStatus::rpoBreached)
            .map(s -> s.scope().key())
            .sorted()
            .toList();
    HealthResult result =
        breached.isEmpty()
            ? HealthResult.up()
            : HealthResult.down("RPO breached for " + String.join(", ", breached));
    return result.withDetail("sources", sources.size()).withDetail("rpoBreached", breached.size());
  }

  @Override
  public void close() {
    registry.close();
  }
}
