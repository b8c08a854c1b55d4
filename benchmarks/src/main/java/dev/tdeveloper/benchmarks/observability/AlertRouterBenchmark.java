package dev.tdeveloper.benchmarks.observability;

import dev.tdeveloper.observability.Labels;
import dev.tdeveloper.observability.alert.Alert;
import dev.tdeveloper.observability.alert.AlertRouter;
import dev.tdeveloper.observability.alert.Route;
import dev.tdeveloper.observability.alert.RouteBuilder;
import dev.tdeveloper.observability.notify.Notification;
import dev.tdeveloper.observability.notify.Notifier;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of {@link AlertRouter#receive} with 100 routes (issue 14: "AlertRouter ingesting 10,000
 * alerts/s with 100 routes: report µs per alert"). The tree has 100 children under the root, half
 * matching {@code team="team-i"}, half {@code team=~"team-i|squad-i"}, each grouping by {@code
 * alertname} (and, always, {@code tenant}). The alerts rotate over {@value #LABEL_SETS} label sets:
 * 1,000 tenants x 10 alert names, each on one of the 100 teams.
 *
 * <ul>
 *   <li>{@code tdeveloperReceive}: ingest only (a source re-sending firing alerts: dedup, merge,
 *       and routing when an alert is new to its groups); no flush.
 *   <li>{@code tdeveloperReceiveWithFlush}: the same, with the clock moving 1 s per 10,000 alerts
 *       (10,000 alerts/s) and {@link AlertRouter#flush} at every second: flush cost (group checks,
 *       notifications to a no-op notifier, in-memory notification log) amortised into the per-alert
 *       figure.
 *   <li>{@code tdeveloperRouteMatch}: matching one alert's labels against the 100 routes, the
 *       routing cost of an alert the router sees for the first time (a re-sent alert reuses it).
 *   <li>{@code floorMapLookup}: a {@code HashMap} lookup by the alert's fingerprint, the floor
 *       under any deduplication.
 * </ul>
 *
 * <p>Average time per alert in microseconds on one thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AlertRouterBenchmark {
  /** Distinct label sets the alerts rotate over: {@value}. */
  public static final int LABEL_SETS = 10_000;

  private static final int ROUTES = 100;
  private static final int TENANTS = 1_000;

  private Alert[] alerts;
  private Map<Long, Alert> byFingerprint;
  private AlertRouter router;
  private AlertRouter flushingRouter;
  private Route route;
  private Instant now;
  private int next;
  private int sinceFlush;

  /** Builds the routes, the label sets and two routers. */
  @Setup
  public void setUp() {
    alerts = new Alert[LABEL_SETS];
    byFingerprint = new HashMap<>();
    now = Instant.parse("2026-01-01T00:00:00Z");
    for (int i = 0; i < LABEL_SETS; i++) {
      Labels labels =
          Labels.of(
              "alertname", "Alert" + (i % 10),
              "severity", i % 3 == 0 ? "critical" : "warning",
              "tenant", "tenant-" + (i / 10 % TENANTS),
              "team", "team-" + (i % ROUTES));
      alerts[i] = Alert.firing(labels, Map.of("summary", "benchmark"), now);
      byFingerprint.put(alerts[i].fingerprint(), alerts[i]);
    }
    route = route();
    router = router();
    flushingRouter = router();
  }

  private static Route route() {
    RouteBuilder root = Route.builder().receiver("ops").groupBy("alertname");
    for (int i = 0; i < ROUTES; i++) {
      String matcher =
          i % 2 == 0 ? "team=\"team-" + i + "\"" : "team=~\"team-" + i + "|squad-" + i + "\"";
      root.child(Route.builder().matcher(matcher).receiver("team"));
    }
    return root.build();
  }

  private AlertRouter router() {
    Notifier noop =
        new Notifier() {
          @Override
          public String name() {
            return "noop";
          }

          @Override
          public void send(Notification notification) {}

          @Override
          public void close() {}
        };
    return AlertRouter.builder()
        .route(route)
        .receiver("ops", noop)
        .receiver("team", noop)
        .clock(() -> now)
        .resolveTimeout(Duration.ofDays(1))
        .build();
  }

  /** Ingests one alert. */
  @Benchmark
  public void tdeveloperReceive() {
    router.receive(alerts[nextIndex()]);
  }

  /** Ingests one alert at 10,000 alerts per clock second, flushing at every second. */
  @Benchmark
  public void tdeveloperReceiveWithFlush() {
    flushingRouter.receive(alerts[nextIndex()]);
    if (++sinceFlush == 10_000) {
      sinceFlush = 0;
      now = now.plusSeconds(1);
      flushingRouter.flush(now);
    }
  }

  /** Matches one alert's labels against the routing tree. */
  @Benchmark
  public List<Route> tdeveloperRouteMatch() {
    return route.match(alerts[nextIndex()].labels());
  }

  /** Looks the alert up by fingerprint: the floor. */
  @Benchmark
  public Alert floorMapLookup() {
    return byFingerprint.get(alerts[nextIndex()].fingerprint());
  }

  private int nextIndex() {
    int i = next;
    next = i + 1 == LABEL_SETS ? 0 : i + 1;
    return i;
  }
}
