package dev.tdeveloper.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tdeveloper.scaling.autoscale.Metric;
import dev.tdeveloper.scaling.autoscale.ReplicaBounds;
import dev.tdeveloper.scaling.autoscale.ScalingDecision;
import dev.tdeveloper.scaling.autoscale.ScalingInput;
import dev.tdeveloper.scaling.control.ScalingAlerts;
import dev.tdeveloper.scaling.control.ScalingController;
import dev.tdeveloper.scaling.control.ScalingEvent;
import dev.tdeveloper.scaling.hpa.MetricTarget;
import dev.tdeveloper.scaling.hpa.TargetTrackingAutoscaler;
import dev.tdeveloper.scaling.predictive.PredictiveAutoscaler;
import dev.tdeveloper.scaling.simulation.SimulatedCluster;
import dev.tdeveloper.scaling.spi.ReplicaState;
import dev.tdeveloper.scaling.spi.ScalingBackend;
import dev.tdeveloper.tenancy.event.EventListener;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * The demo's autoscaler loop over its own traffic: {@link #requestCounter()} counts every request
 * the demo serves, and every {@link #INTERVAL} a {@link ScalingController} sets the measured
 * requests per second as the offered load of a {@link SimulatedCluster} ({@value
 * #CAPACITY_PER_REPLICA} req/s per replica, ready {@link #STARTUP} after it is asked for, {@link
 * #BOUNDS} replicas) and lets a {@link PredictiveAutoscaler} decide, with a {@link
 * TargetTrackingAutoscaler} on HPA defaults (an average of {@value #TARGET_PER_REPLICA} req/s per
 * replica) as its reactive floor. The forecast needs a day of history, so for its first 24 hours
 * the floor decides alone (the decision says so). Alerts: at the maximum for 10 minutes, flapping,
 * metrics missing. Time comes from the demo's clock. Thread-safe; {@link #close()} stops the loop.
 */
final class DemoScaling implements AutoCloseable {
  /** The simulated workload's name: {@value}. */
  static final String WORKLOAD = "demo";

  /** Requests per second one simulated replica serves: {@value}, so a curl loop scales it. */
  static final double CAPACITY_PER_REPLICA = 20.0;

  /** The per-replica average the floor aims for: {@value} req/s (70% of the capacity). */
  static final double TARGET_PER_REPLICA = 14.0;

  /** How long a simulated replica takes to become ready. */
  static final Duration STARTUP = Duration.ofSeconds(10);

  /** The simulated replicas' range. */
  static final ReplicaBounds BOUNDS = ReplicaBounds.of(1, 10);

  /** The loop's period, the HPA sync period. */
  static final Duration INTERVAL = Duration.ofSeconds(ScalingController.DEFAULT_INTERVAL_SECONDS);

  private final LongAdder requests = new LongAdder();
  private final SimulatedCluster cluster;
  private final MeasuredLoad measured;
  private final PredictiveAutoscaler autoscaler;
  private final ScalingController controller;

  DemoScaling(InstantSource clock, EventListener<? super ScalingEvent> listener) {
    this.cluster =
        SimulatedCluster.builder(WORKLOAD)
            .clock(clock)
            .capacityPerReplica(CAPACITY_PER_REPLICA)
            .startupDelay(STARTUP)
            .maxReplicas(BOUNDS.max())
            .initialReplicas(BOUNDS.min())
            .build();
    this.measured = new MeasuredLoad(cluster, requests, clock);
    TargetTrackingAutoscaler floor =
        TargetTrackingAutoscaler.hpaDefaults(
            BOUNDS, MetricTarget.averageValue(Metric.REQUESTS_PER_SECOND, TARGET_PER_REPLICA));
    this.autoscaler =
        PredictiveAutoscaler.builder()
            .reactive(floor)
            .bounds(BOUNDS)
            .capacityPerReplica(CAPACITY_PER_REPLICA)
            .targetUtilization(TARGET_PER_REPLICA / CAPACITY_PER_REPLICA)
            .startupTime(STARTUP)
            .decisionInterval(INTERVAL)
            .build();
    ScalingAlerts alerts =
        ScalingAlerts.builder(clock)
            .maxReplicas(BOUNDS.max())
            .metrics(List.of(Metric.REQUESTS_PER_SECOND))
            .build();
    this.controller =
        ScalingController.builder(measured, autoscaler)
            .clock(clock)
            .interval(INTERVAL)
            .alerts(alerts)
            .listener(listener)
            .build();
  }

  /** Returns the filter counting every request; map it outermost, on {@code /*}. */
  Filter requestCounter() {
    return new Filter() {
      @Override
      public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
          throws IOException, ServletException {
        requests.increment();
        chain.doFilter(request, response);
      }
    };
  }

  /** Runs the loop every {@link #INTERVAL} on the controller's own daemon thread. */
  void start() {
    controller.start();
  }

  /**
   * Runs one iteration now: measures the request rate since the previous one, decides, scales.
   *
   * @return the decision, or empty if the iteration failed (the status says why)
   */
  Optional<ScalingDecision> runOnce() {
    return controller.runOnce();
  }

  /**
   * Returns the status for {@code /ops} and {@code /ops/scaling}: the controller's {@link
   * dev.tdeveloper.scaling.control.ScalingStatus} JSON (replicas desired, current and ready, the
   * last decision with its reasons, the active alerts) plus the measured load, the simulated
   * cluster's figures and the forecast's state.
   */
  ObjectNode status() {
    ObjectNode root;
    try {
      root = (ObjectNode) Json.MAPPER.readTree(controller.status().toJson());
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    root.put("measuredRequestsPerSecond", cluster.load());
    ObjectNode sim = root.putObject("simulatedCluster");
    sim.put("capacityPerReplica", CAPACITY_PER_REPLICA);
    sim.put("targetPerReplica", TARGET_PER_REPLICA);
    sim.put("startupSeconds", STARTUP.toSeconds());
    sim.put("minReplicas", BOUNDS.min());
    sim.put("maxReplicas", BOUNDS.max());
    sim.put("readyCapacity", cluster.readyCapacity());
    ObjectNode forecast = root.putObject("predictive");
    forecast.put("historyNeeded", "24h of request rates before the first forecast");
    forecast.put("forecastAvailable", autoscaler.forecast().isPresent());
    autoscaler
        .forecastError()
        .ifPresent(
            e -> {
              forecast.put("mape", e.mape());
              forecast.put("pairs", e.pairs());
            });
    return root;
  }

  /** Stops the loop; an iteration in progress finishes. */
  @Override
  public void close() {
    controller.close();
  }

  /**
   * The simulated cluster with the demo's measured request rate as its offered load: each
   * observation first sets the load to the requests counted since the previous one, divided by the
   * time between them. With no time elapsed (a test clock not moved), the previous rate stands and
   * nothing is consumed.
   */
  private static final class MeasuredLoad implements ScalingBackend {
    private final SimulatedCluster cluster;
    private final LongAdder requests;
    private final InstantSource clock;
    private long counted;
    private Instant measuredAt;

    MeasuredLoad(SimulatedCluster cluster, LongAdder requests, InstantSource clock) {
      this.cluster = cluster;
      this.requests = requests;
      this.clock = clock;
      this.measuredAt = clock.instant();
    }

    @Override
    public String workload() {
      return cluster.workload();
    }

    @Override
    public ReplicaState state() {
      return cluster.state();
    }

    @Override
    public synchronized ScalingInput observe() {
      Instant now = clock.instant();
      long elapsedNanos = Duration.between(measuredAt, now).toNanos();
      if (elapsedNanos > 0) {
        long total = requests.sum();
        cluster.setLoad((total - counted) * 1e9 / elapsedNanos);
        counted = total;
        measuredAt = now;
      }
      return cluster.observe();
    }

    @Override
    public void scale(int desiredReplicas) {
      cluster.scale(desiredReplicas);
    }
  }
}
