package dev.tdeveloper.demo;

import dev.tdeveloper.distribution.clock.FileHlcStateStore;
import dev.tdeveloper.distribution.health.HealthCheckResult;
import dev.tdeveloper.distribution.health.HealthCheckSettings;
import dev.tdeveloper.distribution.health.HealthMonitor;
import dev.tdeveloper.distribution.health.OutlierDetector;
import dev.tdeveloper.distribution.health.RegionHealth;
import dev.tdeveloper.distribution.health.RegionHealthEvent;
import dev.tdeveloper.distribution.region.DistributionConfig;
import dev.tdeveloper.distribution.region.Region;
import dev.tdeveloper.distribution.region.RegionId;
import dev.tdeveloper.distribution.replication.InProcessReplicationChannel;
import dev.tdeveloper.distribution.residency.ResidencyEnforcer;
import dev.tdeveloper.distribution.residency.ResidencyReport;
import dev.tdeveloper.distribution.routing.HomeRegions;
import dev.tdeveloper.distribution.routing.RegionRouter;
import dev.tdeveloper.distribution.routing.RouteDecision;
import dev.tdeveloper.distribution.routing.RouteRequest;
import dev.tdeveloper.distribution.routing.RoutingPolicy;
import dev.tdeveloper.distribution.spi.HlcStateStore;
import dev.tdeveloper.distribution.spi.ReplicationChannel;
import dev.tdeveloper.tenancy.Tenant;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.event.EventListener;
import dev.tdeveloper.tenancy.spi.TenantRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's regions ({@code regions.yaml}, five regions): this one process plays all of them.
 * Health comes from three simulated vantage points that probe the process's own readiness every 10
 * seconds, plus an operator's override ({@code POST /admin/regions/{id}/down}); routing answers
 * come from one {@link RegionRouter} per policy of the file (residency, then health, then the
 * policy); every tenant's notes are residency-checked where they are stored ({@link
 * ResidencyFilter}) and their ids replicate to the regions the tenant's policy allows ({@link
 * RegionReplicas}), with lag watched against a 30-second staleness SLO. Residency violations and
 * failovers go to the audit log. Thread-safe.
 */
final class DemoRegions {
  private static final Logger LOG = LoggerFactory.getLogger(DemoRegions.class);

  /** The simulated vantage points the health checks run from. */
  static final List<String> VANTAGE_POINTS =
      List.of("probe-dublin", "probe-virginia", "probe-tokyo");

  /** The staleness SLO of every tenant's replicas in the demo. */
  static final Duration STALENESS_SLO = Duration.ofSeconds(30);

  private static final int RECENT_EVENTS = 20;

  final DistributionConfig config;
  final ResidencyEnforcer residency;
  final HealthMonitor health;
  final RegionReplicas replicas;
  private final Map<String, RegionRouter> routers = new LinkedHashMap<>();
  private final InstantSource clock;
  private final TenantRegistry registry;
  private final BooleanSupplier ready;
  private final Deque<String> recent = new ArrayDeque<>();

  /**
   * Wires {@code config} (a loaded {@code regions.yaml}): the regions' health, routing, residency
   * and replication; residency violations and health events go to {@code audit}, region homes come
   * from {@code registry}, and the vantage points report healthy while {@code ready} says so.
   */
  DemoRegions(
      DistributionConfig config,
      Path dataDir,
      InstantSource clock,
      TenantRegistry registry,
      BooleanSupplier ready,
      EventListener<Object> audit) {
    this(
        config,
        new InProcessReplicationChannel(),
        FileHlcStateStore.open(dataDir.resolve("hlc")),
        clock,
        registry,
        ready,
        audit);
  }

  /** As above, replicating through {@code transport} with the HLC mark in {@code hlcState}. */
  DemoRegions(
      DistributionConfig config,
      ReplicationChannel transport,
      HlcStateStore hlcState,
      InstantSource clock,
      TenantRegistry registry,
      BooleanSupplier ready,
      EventListener<Object> audit) {
    this.config = config;
    this.clock = clock;
    this.registry = registry;
    this.ready = ready;
    this.residency =
        ResidencyEnforcer.builder(config)
            .clock(clock)
            .listener(audit::onEvent)
            .listener(e -> remember("residency: " + e))
            .build();
    RegionHealth regionHealth =
        RegionHealth.builder()
            .settings(HealthCheckSettings.builder().requestInterval(Duration.ofSeconds(10)).build())
            .clock(clock)
            .listener(audit::onEvent)
            .listener(this::onHealthEvent)
            .build();
    this.health =
        HealthMonitor.of(
            regionHealth, OutlierDetector.builder(config.catalog()).clock(clock).build());
    HomeRegions homes =
        tenant ->
            registry
                .find(tenant)
                .map(Tenant::homeRegion)
                .filter(RegionId::isValid)
                .map(RegionId::of)
                .filter(id -> config.catalog().find(id).isPresent());
    config
        .routingPolicies()
        .forEach(
            (name, policy) ->
                routers.put(
                    name,
                    RegionRouter.builder()
                        .catalog(config.catalog())
                        .policy(policy)
                        .health(health)
                        .residency(residency)
                        .homeRegions(homes)
                        .build()));
    this.replicas =
        new RegionReplicas(
            config.catalog(), transport, hlcState, clock, residency, health, STALENESS_SLO, audit);
  }

  /**
   * Schedules the health probes (every 10 s) and the replicas' apply round (every second, {@code
   * leased}: on a shared channel one instance at a time applies and acknowledges).
   */
  void schedule(ScheduledExecutorService jobs, UnaryOperator<Runnable> safely, LeasedJobs leased) {
    jobs.scheduleWithFixedDelay(safely.apply(this::probe), 0, 10, TimeUnit.SECONDS);
    jobs.scheduleWithFixedDelay(
        safely.apply(leased.leased("region-replication", replicas::applyPending)),
        1,
        1,
        TimeUnit.SECONDS);
  }

  /** One round of health checks: each vantage point reports each region. */
  void probe() {
    boolean healthy = ready.getAsBoolean();
    for (Region region : config.catalog().regions()) {
      for (String vantage : VANTAGE_POINTS) {
        health
            .regions()
            .record(new HealthCheckResult(region.id(), vantage, healthy, clock.instant()));
      }
    }
    health.refresh();
  }

  /** Returns the policy names, the default first. */
  List<String> policies() {
    return List.copyOf(routers.keySet());
  }

  /** Returns the default policy's name. */
  String defaultPolicy() {
    return config.defaultRoutingPolicyName();
  }

  /**
   * Routes {@code request} with the policy {@code name}.
   *
   * @throws IllegalArgumentException if no policy has that name
   */
  RouteDecision route(String policy, RouteRequest request) {
    RegionRouter router = routers.get(policy);
    if (router == null) {
      throw new IllegalArgumentException(
          "unknown routing policy '" + policy + "'; known: " + routers.keySet());
    }
    return router.route(request);
  }

  /** Routes {@code request} with the default policy. */
  RouteDecision route(RouteRequest request) {
    return route(config.defaultRoutingPolicyName(), request);
  }

  /** Returns the region {@code value} names, if it is a region of the file. */
  Optional<Region> region(String value) {
    return RegionId.isValid(value) ? config.catalog().find(RegionId.of(value)) : Optional.empty();
  }

  /** Returns the routing policies as written in the file, by name. */
  Map<String, RoutingPolicy> routingPolicies() {
    return config.routingPolicies();
  }

  /**
   * Where each tenant's notes live — its home region holds the notes, the regions whose replica
   * holds its note ids hold copies — checked against its residency policy. Tenants whose home is
   * not a region of the file are left out.
   */
  ResidencyReport residencyReport() {
    List<ResidencyReport.TenantData> data = new ArrayList<>();
    Map<TenantId, Set<RegionId>> copies = replicas.holders();
    for (Tenant tenant : registry.list()) {
      Optional<Region> home = region(tenant.homeRegion());
      if (home.isPresent()) {
        Set<RegionId> others = new TreeSet<>(copies.getOrDefault(tenant.id(), Set.of()));
        others.remove(home.get().id());
        data.add(
            new ResidencyReport.TenantData(tenant.id(), home.get().id(), home.get().id(), others));
      }
    }
    return ResidencyReport.of(residency, data, clock.instant());
  }

  private void onHealthEvent(RegionHealthEvent event) {
    if (event instanceof RegionHealthEvent.RegionFailedOver over) {
      LOG.warn(
          "region {} failed over after {} ({})", over.region(), over.detectionTime(), over.cause());
    } else if (event instanceof RegionHealthEvent.RegionFailedBack back) {
      LOG.info(
          "region {} failed back after {} ({})", back.region(), back.recoveryTime(), back.cause());
    }
    remember(event.toString());
  }

  private void remember(String event) {
    synchronized (recent) {
      recent.addFirst(clock.instant() + " " + event);
      while (recent.size() > RECENT_EVENTS) {
        recent.removeLast();
      }
    }
  }

  /** Returns the newest region and residency events, newest first. */
  List<String> recentEvents() {
    synchronized (recent) {
      return List.copyOf(recent);
    }
  }
}
