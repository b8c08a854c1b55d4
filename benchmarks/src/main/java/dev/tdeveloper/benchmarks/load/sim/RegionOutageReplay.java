package dev.tdeveloper.benchmarks.load.sim;

import dev.tdeveloper.distribution.health.HealthCheckResult;
import dev.tdeveloper.distribution.health.HealthCheckSettings;
import dev.tdeveloper.distribution.health.HealthMonitor;
import dev.tdeveloper.distribution.health.OutlierDetector;
import dev.tdeveloper.distribution.health.RegionHealth;
import dev.tdeveloper.distribution.health.RegionHealthEvent;
import dev.tdeveloper.distribution.region.DistributionConfig;
import dev.tdeveloper.distribution.region.Region;
import dev.tdeveloper.distribution.region.RegionId;
import dev.tdeveloper.distribution.residency.ResidencyEnforcer;
import dev.tdeveloper.distribution.routing.ClientLocation;
import dev.tdeveloper.distribution.routing.RegionRouter;
import dev.tdeveloper.distribution.routing.RouteRequest;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Point 5's region outage: the demo's five regions ({@code regions.yaml}) wired as the demo wires
 * them (distribution-core's {@link RegionHealth} fed by three vantage points probing every region
 * every {@value #PROBE_SECONDS} s, Route 53's default threshold and share; one {@link RegionRouter}
 * with the file's default policy, residency and outlier detection on), driven in simulated seconds
 * by the run's tenants: tenant {@code i} is a client at region {@code i mod 5}'s location sending
 * its measured requests per second. At {@value #FAILURE_AT_SECONDS} s plus an offset one region
 * stops answering its probes and every request routed to it fails, until the router sends its
 * clients elsewhere. Every region fails in turn, at every whole-second offset within the probe
 * cycle; the result gives, per region, the best and worst time from the failure to the failover
 * event (detection) and to the last request routed to it (reroute), and the requests that failed
 * meanwhile. Routing is in-process: a DNS-based deployment adds the record's TTL. Stateless.
 */
public final class RegionOutageReplay {
  /** How often each vantage point probes each region, as in the demo: {@value} s. */
  public static final long PROBE_SECONDS = 10;

  /** When the outage starts, before the offset: {@value} s into the replay. */
  static final long FAILURE_AT_SECONDS = 30;

  /** How long each replay runs: {@value} s. */
  static final long DURATION_SECONDS = 150;

  /** The vantage points, as in the demo. */
  static final List<String> VANTAGE_POINTS =
      List.of("probe-dublin", "probe-virginia", "probe-tokyo");

  private static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");

  private RegionOutageReplay() {}

  /**
   * One region's outage, over the offsets within the probe cycle.
   *
   * @param region the region that failed
   * @param movedTo the regions its clients were routed to after the failover
   * @param detectionBestSeconds the shortest time from the failure to the failover event
   * @param detectionWorstSeconds the longest
   * @param rerouteWorstSeconds the longest time from the failure to the end of the last second a
   *     request was still routed to the failed region
   * @param failedRequestsWorst the most requests routed to the failed region during the outage
   * @param failedRequestsMean their mean over the offsets
   */
  public record Outage(
      String region,
      List<String> movedTo,
      long detectionBestSeconds,
      long detectionWorstSeconds,
      long rerouteWorstSeconds,
      long failedRequestsWorst,
      double failedRequestsMean) {
    /** Copies. */
    public Outage {
      Objects.requireNonNull(region, "region");
      movedTo = List.copyOf(movedTo);
    }
  }

  /**
   * The replay's result.
   *
   * @param regions how many regions the file has
   * @param policy the routing policy used (the file's default)
   * @param requestsPerSecond the traffic across all regions
   * @param settings the health checks' settings
   * @param outages one per region
   */
  public record Result(
      int regions, String policy, double requestsPerSecond, String settings, List<Outage> outages) {
    /** Copies. */
    public Result {
      outages = List.copyOf(outages);
    }

    /** Returns the longest reroute time over every region and offset. */
    public long rerouteWorstSeconds() {
      return outages.stream().mapToLong(Outage::rerouteWorstSeconds).max().orElse(0);
    }

    /** Returns the most requests failed in one outage. */
    public long failedRequestsWorst() {
      return outages.stream().mapToLong(Outage::failedRequestsWorst).max().orElse(0);
    }
  }

  /** Replays the outages over the demo's bundled {@code regions.yaml}. */
  public static Result replay(SimInputs in) {
    return replay(in, DemoConfigs.regions());
  }

  /**
   * Replays every region's outage over {@code config}.
   *
   * @param in the run's measurements: tenants and their rates
   * @param config the regions, routing and residency
   * @return the outages
   */
  public static Result replay(SimInputs in, DistributionConfig config) {
    HealthCheckSettings settings =
        HealthCheckSettings.builder().requestInterval(Duration.ofSeconds(PROBE_SECONDS)).build();
    List<Outage> outages = new ArrayList<>();
    for (Region failed : config.catalog().regions()) {
      long detectBest = Long.MAX_VALUE;
      long detectWorst = 0;
      long rerouteWorst = 0;
      double failedWorst = 0;
      double failedSum = 0;
      TreeSet<String> movedTo = new TreeSet<>();
      for (long offset = 0; offset < PROBE_SECONDS; offset++) {
        Run run = run(in, config, settings, failed.id(), FAILURE_AT_SECONDS + offset, movedTo);
        detectBest = Math.min(detectBest, run.detection);
        detectWorst = Math.max(detectWorst, run.detection);
        rerouteWorst = Math.max(rerouteWorst, run.reroute);
        failedWorst = Math.max(failedWorst, run.failed);
        failedSum += run.failed;
      }
      outages.add(
          new Outage(
              failed.id().value(),
              List.copyOf(movedTo),
              detectBest,
              detectWorst,
              rerouteWorst,
              Math.round(failedWorst),
              failedSum / PROBE_SECONDS));
    }
    return new Result(
        config.catalog().size(),
        config.defaultRoutingPolicyName(),
        in.requestsPerSecond(),
        settings.toString(),
        outages);
  }

  /** One outage's figures. */
  private record Run(long detection, long reroute, double failed) {}

  private static Run run(
      SimInputs in,
      DistributionConfig config,
      HealthCheckSettings settings,
      RegionId down,
      long failAt,
      TreeSet<String> movedTo) {
    ManualClock clock = new ManualClock(T0);
    List<RegionHealthEvent.RegionFailedOver> failovers = new ArrayList<>();
    RegionHealth regions =
        RegionHealth.builder()
            .settings(settings)
            .clock(clock)
            .listener(
                e -> {
                  if (e instanceof RegionHealthEvent.RegionFailedOver over) {
                    failovers.add(over);
                  }
                })
            .build();
    HealthMonitor health =
        HealthMonitor.of(regions, OutlierDetector.builder(config.catalog()).clock(clock).build());
    RegionRouter router =
        RegionRouter.builder()
            .catalog(config.catalog())
            .policy(config.defaultRoutingPolicy())
            .health(health)
            .residency(ResidencyEnforcer.builder(config).clock(clock).build())
            .homeRegions(tenant -> Optional.empty())
            .build();
    List<Region> all = config.catalog().regions();
    List<RouteRequest> requests = new ArrayList<>();
    for (int i = 0; i < in.tenants().size(); i++) {
      Region home = all.get(i % all.size());
      requests.add(
          RouteRequest.builder()
              .tenant(TenantId.of(in.tenants().get(i).id()))
              .client(ClientLocation.of(home.country(), home.continent(), home.location()))
              .build());
    }
    double failed = 0;
    long lastRoutedToDown = -1;
    for (long s = 0; s < DURATION_SECONDS; s++) {
      clock.setTo(T0.plusSeconds(s));
      boolean outage = s >= failAt;
      if (s % PROBE_SECONDS == 0) {
        for (Region r : all) {
          boolean healthy = !(outage && r.id().equals(down));
          for (String vantage : VANTAGE_POINTS) {
            health
                .regions()
                .record(new HealthCheckResult(r.id(), vantage, healthy, clock.instant()));
          }
        }
        health.refresh();
      }
      for (int i = 0; i < requests.size(); i++) {
        RegionId to = router.route(requests.get(i)).primary().region().id();
        if (outage && to.equals(down)) {
          failed += in.tenants().get(i).requestsPerSecond();
          lastRoutedToDown = s;
        } else if (outage && all.get(i % all.size()).id().equals(down)) {
          movedTo.add(to.value());
        }
      }
    }
    if (failovers.isEmpty()) {
      throw new IllegalStateException(
          "region " + down + " never failed over in " + DURATION_SECONDS + " simulated seconds");
    }
    Instant failure = T0.plusSeconds(failAt);
    long detection = Duration.between(failure, failovers.get(0).at()).toSeconds();
    long reroute = lastRoutedToDown < failAt ? 0 : lastRoutedToDown + 1 - failAt;
    return new Run(detection, reroute, failed);
  }
}
