package dev.tdeveloper.demo;

import dev.tdeveloper.observability.alert.Alert;
import dev.tdeveloper.observability.alert.AlertRouter;
import dev.tdeveloper.observability.alert.Matcher;
import dev.tdeveloper.observability.alert.Route;
import dev.tdeveloper.observability.alert.RouteBuilder;
import dev.tdeveloper.observability.incident.IncidentCorrelator;
import dev.tdeveloper.observability.metrics.BusinessMetrics;
import dev.tdeveloper.observability.micrometer.TdeveloperMetrics;
import dev.tdeveloper.observability.notify.LogNotifier;
import dev.tdeveloper.observability.notify.Notifier;
import dev.tdeveloper.observability.notify.PagerDutyNotifier;
import dev.tdeveloper.observability.slo.BurnRateEvaluator;
import dev.tdeveloper.observability.slo.SliRecorder;
import dev.tdeveloper.observability.slo.Slo;
import dev.tdeveloper.observability.slo.SloConfig;
import dev.tdeveloper.observability.slo.SloConfigLoader;
import dev.tdeveloper.observability.spi.AlertStateStore;
import dev.tdeveloper.tenancy.TenantId;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's observability: an availability and a latency SLO per plan from {@code slos.yaml} (each
 * API request of a tenant counts towards its plan's two SLOs), burn-rate alerts evaluated every 10
 * s and routed by an {@link AlertRouter} (state under {@code <data>/alerts}, or in PostgreSQL
 * shared by every instance with {@code --postgres}, so a restart does not notify twice) to the log
 * and, when {@value #PAGERDUTY_KEY_ENV} holds a PagerDuty routing key, page-severity alerts to
 * PagerDuty as well; alerts correlated into incidents per tenant; business metrics (notes created,
 * signups) per tenant; and every bridged core event as a Micrometer meter in a Prometheus registry,
 * scraped at {@code /ops/metrics}. Thread-safe.
 */
final class DemoObservability implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DemoObservability.class);

  /** The environment variable holding a PagerDuty Events API v2 routing key. */
  static final String PAGERDUTY_KEY_ENV = "DEMO_PAGERDUTY_ROUTING_KEY";

  /** The environment variable overriding the PagerDuty events endpoint (a proxy, a test server). */
  static final String PAGERDUTY_URL_ENV = "DEMO_PAGERDUTY_URL";

  /** Business metric: notes created per tenant. */
  static final String NOTES_CREATED = "notes_created";

  /** Business metric: tenants signed up (provisioned). */
  static final String SIGNUPS = "signups";

  /** The SLO label naming the plan whose tenants the SLO covers. */
  static final String PLAN_LABEL = "plan";

  final SloConfig slos;
  final SliRecorder recorder;
  final BurnRateEvaluator evaluator;
  final AlertRouter router;
  final IncidentCorrelator incidents;
  final BusinessMetrics business;
  final PrometheusMeterRegistry registry;
  final TdeveloperMetrics meters;
  private final List<Notifier> notifiers;
  private final AlertStateStore alertState;
  private final Map<String, List<Slo>> slosByPlan;
  private final TenantSlis slis;

  DemoObservability(Path slosFile, Path dataDir, InstantSource clock, UnaryOperator<String> env) {
    this(slosFile, dataDir, clock, env, Optional.empty(), UnaryOperator.identity());
  }

  /**
   * As above, keeping the alert router's state in {@code sharedState} when given (else under {@code
   * <data>/alerts}) and sending every notification through {@code claimed} (which, with instances
   * sharing their alerts, lets only one send it: {@link ClaimedNotifier}).
   */
  DemoObservability(
      Path slosFile,
      Path dataDir,
      InstantSource clock,
      UnaryOperator<String> env,
      Optional<AlertStateStore> sharedState,
      UnaryOperator<Notifier> claimed) {
    this.slos = SloConfigLoader.load(slosFile);
    this.slosByPlan = byPlan(slos.slos());
    this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    List<Notifier> created = new ArrayList<>();
    AlertStateStore state = null;
    try {
      this.meters = TdeveloperMetrics.builder(registry).build();
      this.business =
          BusinessMetrics.builder()
              .counter(NOTES_CREATED, "Notes created through the API", "notes")
              .counter(SIGNUPS, "Tenants signed up (provisioned)", "tenants")
              .clock(clock)
              .build();
      meters.bind(business);
      Notifier log = claimed.apply(LogNotifier.create());
      created.add(log);
      Optional<Notifier> pagerDuty = pagerDuty(env, clock, meters).map(claimed);
      pagerDuty.ifPresent(created::add);
      this.notifiers = List.copyOf(created);
      this.incidents =
          IncidentCorrelator.builder().clock(clock).listener(meters.incidentListener()).build();
      state = sharedState.orElseGet(() -> AlertStateStore.file(dataDir.resolve("alerts")));
      this.alertState = state;
      this.router = router(alertState, clock, log, pagerDuty, meters);
      this.recorder = SliRecorder.create(clock, slos.slos());
      this.evaluator = BurnRateEvaluator.create(recorder, this::alert);
      this.slis = new TenantSlis(recorder, this::slosFor);
      meters.bind(evaluator);
    } catch (RuntimeException e) {
      // A start that fails (say, the alert state directory is locked by another demo) must not
      // leave the notifiers' delivery threads running, the directory locked or meters registered.
      closeAll(created, Optional.ofNullable(state), e);
      throw e;
    }
  }

  private void closeAll(List<Notifier> created, Optional<AlertStateStore> state, Throwable cause) {
    for (Notifier notifier : created) {
      try {
        notifier.close();
      } catch (RuntimeException e) {
        cause.addSuppressed(e);
      }
    }
    try {
      registry.close();
      state.ifPresent(AlertStateStore::close);
    } catch (RuntimeException e) {
      cause.addSuppressed(e);
    }
  }

  private static AlertRouter router(
      AlertStateStore state,
      InstantSource clock,
      Notifier log,
      Optional<Notifier> pagerDuty,
      TdeveloperMetrics meters) {
    RouteBuilder root =
        Route.builder()
            .receiver("log")
            .groupBy(Alert.ALERTNAME, "slo", Alert.TENANT)
            .groupWait(Route.DEFAULT_GROUP_WAIT)
            .groupInterval(Route.DEFAULT_GROUP_INTERVAL)
            .repeatInterval(Route.DEFAULT_REPEAT_INTERVAL);
    if (pagerDuty.isPresent()) {
      // Pages go to PagerDuty and, through continue, to the log as well.
      root.child(
          Route.builder()
              .matcher(Matcher.equal(Alert.SEVERITY, "critical"))
              .receiver("pagerduty")
              .continueMatching(true));
    }
    var builder =
        AlertRouter.builder()
            .route(root.build())
            .receiver("log", log)
            .clock(clock)
            .stateStore(state)
            .listener(meters.alertRouterListener());
    pagerDuty.ifPresent(p -> builder.receiver("pagerduty", p));
    return builder.build();
  }

  private static Optional<Notifier> pagerDuty(
      UnaryOperator<String> env, InstantSource clock, TdeveloperMetrics meters) {
    String key = env.apply(PAGERDUTY_KEY_ENV);
    if (key == null || key.isBlank()) {
      return Optional.empty();
    }
    PagerDutyNotifier.Builder builder =
        PagerDutyNotifier.builder()
            .routingKey(key.strip())
            .source("tdeveloper-demo")
            .clock(clock)
            .listener(meters.deliveryListener());
    String url = env.apply(PAGERDUTY_URL_ENV);
    if (url != null && !url.isBlank()) {
      builder.endpoint(URI.create(url.strip()));
    }
    return Optional.of(builder.build());
  }

  private static Map<String, List<Slo>> byPlan(List<Slo> slos) {
    Map<String, List<Slo>> byPlan = new java.util.HashMap<>();
    for (Slo slo : slos) {
      slo.labels()
          .get(PLAN_LABEL)
          .ifPresent(plan -> byPlan.computeIfAbsent(plan, p -> new ArrayList<>()).add(slo));
    }
    byPlan.replaceAll((plan, list) -> List.copyOf(list));
    return Map.copyOf(byPlan);
  }

  /** Returns the SLOs a tenant on {@code plan} counts towards (none for an unknown plan). */
  List<Slo> slosFor(String plan) {
    return slosByPlan.getOrDefault(plan, List.of());
  }

  /**
   * Counts one API request of {@code tenant} towards its plan's SLOs: good for availability unless
   * it answered 5xx, good for latency when it answered within the SLO's threshold.
   */
  void recordRequest(TenantId tenant, String plan, int status, long latencyNanos) {
    slis.record(tenant, plan, status, latencyNanos);
  }

  private void alert(Alert alert) {
    router.receive(alert);
    incidents.ingest(alert);
  }

  /** Evaluates the burn rates every 10 s and flushes the router's groups every second. */
  void schedule(ScheduledExecutorService jobs, UnaryOperator<Runnable> safely) {
    jobs.scheduleWithFixedDelay(safely.apply(evaluator::evaluate), 10, 10, TimeUnit.SECONDS);
    jobs.scheduleWithFixedDelay(safely.apply(router::tick), 1, 1, TimeUnit.SECONDS);
  }

  /** Returns the names of the notifiers alerts go to, such as {@code [log, pagerduty]}. */
  List<String> notifierNames() {
    return notifiers.stream().map(Notifier::name).toList();
  }

  @Override
  public void close() {
    for (Notifier notifier : notifiers) {
      try {
        notifier.close();
      } catch (RuntimeException e) {
        LOG.warn("closing notifier {} failed", notifier.name(), e);
      }
    }
    registry.close();
    alertState.close();
  }
}
