package dev.tdeveloper.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tdeveloper.scaling.autoscale.Autoscaler;
import dev.tdeveloper.scaling.autoscale.ReplicaBounds;
import dev.tdeveloper.scaling.autoscale.ScalingDecision;
import dev.tdeveloper.scaling.autoscale.ScalingInput;
import dev.tdeveloper.scaling.config.ScalingConfig;
import dev.tdeveloper.scaling.config.SimulationSettings;
import dev.tdeveloper.scaling.control.ScalingController;
import dev.tdeveloper.scaling.control.ScalingEvent;
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
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * The demo's autoscaler loop over its own traffic, configured by the demo's {@code scaling.yaml}:
 * {@link #requestCounter()} counts every request the demo serves, and every decision interval (15
 * s) a {@link ScalingController} sets the measured requests per second as the offered load of a
 * {@link dev.tdeveloper.scaling.simulation.SimulatedCluster} (the file's {@code simulation}: 20
 * req/s per replica, ready 10 s after it is asked for, 1 to 10 replicas) and lets the autoscaler
 * {@value #AUTOSCALER} decide: a {@link PredictiveAutoscaler} whose reactive floor is a {@link
 * dev.tdeveloper.scaling.hpa.TargetTrackingAutoscaler} with the HPA's replica calculator on the
 * offered load (an average of 14 req/s per replica of the workload's request rate, which unlike a
 * replica's served rate does not saturate, and a scale-up policy that allows a 10x step at once).
 * The forecast needs a day of history, so for its first 24 hours the floor decides alone (each
 * decision says so). Alerts (the file's {@code alerts}): at the maximum for 10 minutes, flapping,
 * metrics missing. Time comes from the demo's clock. Thread-safe; {@link #close()} stops the loop.
 */
final class DemoScaling implements AutoCloseable {
  /** The simulated workload's name: {@value}. */
  static final String WORKLOAD = "demo";

  /** The autoscaler of {@code scaling.yaml} the loop runs: {@value}. */
  static final String AUTOSCALER = "demo";

  private final LongAdder requests = new LongAdder();
  private final SimulationSettings simulation;
  private final ReplicaBounds bounds;
  private final SimulatedCluster cluster;
  private final Autoscaler autoscaler;
  private final ScalingController controller;
  private final ClusterUsage usage;

  /**
   * Builds the loop from {@code config}, not yet started.
   *
   * @throws IllegalArgumentException if {@code config} has no autoscaler {@value #AUTOSCALER}
   */
  DemoScaling(
      ScalingConfig config, InstantSource clock, EventListener<? super ScalingEvent> listener) {
    this.simulation = config.simulation();
    this.bounds = config.bounds(AUTOSCALER);
    this.cluster = simulation.cluster(WORKLOAD, clock).build();
    this.autoscaler = config.autoscaler(AUTOSCALER);
    this.usage = new ClusterUsage(WORKLOAD, DemoCost.REGION);
    this.controller =
        ScalingController.builder(new MeasuredLoad(cluster, requests, clock, usage), autoscaler)
            .clock(clock)
            .interval(simulation.decisionInterval())
            .alerts(config.alerts(AUTOSCALER, clock))
            .listener(listener)
            .build();
  }

  /** Returns how long a simulated replica takes to become ready. */
  Duration startup() {
    return simulation.startup();
  }

  /** Returns the autoscaler's replica range. */
  ReplicaBounds bounds() {
    return bounds;
  }

  /**
   * Returns what the simulated cluster held over time (replica-seconds, utilization samples), for
   * the cost allocation.
   */
  ClusterUsage usage() {
    return usage;
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

  /** Runs the loop every decision interval on the controller's own daemon thread. */
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
    sim.put("capacityPerReplica", cluster.capacityPerReplica());
    sim.put("startupSeconds", simulation.startup().toSeconds());
    sim.put("minReplicas", bounds.min());
    sim.put("maxReplicas", bounds.max());
    sim.put("readyCapacity", cluster.readyCapacity());
    if (autoscaler instanceof PredictiveAutoscaler predictive) {
      ObjectNode forecast = root.putObject("predictive");
      forecast.put("historyNeeded", "24h of request rates before the first forecast");
      forecast.put("forecastAvailable", predictive.forecast().isPresent());
      predictive
          .forecastError()
          .ifPresent(
              e -> {
                forecast.put("mape", e.mape());
                forecast.put("pairs", e.pairs());
              });
    }
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
   * nothing is consumed. Every observation and scale is noted in the {@link ClusterUsage}.
   */
  private static final class MeasuredLoad implements ScalingBackend {
    private final SimulatedCluster cluster;
    private final LongAdder requests;
    private final InstantSource clock;
    private final ClusterUsage usage;
    private long counted;
    private Instant measuredAt;

    MeasuredLoad(
        SimulatedCluster cluster, LongAdder requests, InstantSource clock, ClusterUsage usage) {
      this.cluster = cluster;
      this.requests = requests;
      this.clock = clock;
      this.usage = usage;
      this.measuredAt = clock.instant();
      note();
    }

    /** Notes the replicas held and the replica equivalents busy serving the load. */
    private void note() {
      double busy =
          Math.min(cluster.load() / cluster.capacityPerReplica(), cluster.state().ready());
      usage.note(clock.instant(), cluster.state().current(), busy);
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
      ScalingInput input = cluster.observe();
      note();
      return input;
    }

    @Override
    public synchronized void scale(int desiredReplicas) {
      cluster.scale(desiredReplicas);
      note();
    }
  }
}
