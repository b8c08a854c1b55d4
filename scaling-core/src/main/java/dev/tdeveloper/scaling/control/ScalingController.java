package dev.tdeveloper.scaling.control;

import dev.tdeveloper.scaling.autoscale.Autoscaler;
import dev.tdeveloper.scaling.autoscale.ScalingDecision;
import dev.tdeveloper.scaling.autoscale.ScalingInput;
import dev.tdeveloper.scaling.spi.ReplicaState;
import dev.tdeveloper.scaling.spi.ScalingBackend;
import dev.tdeveloper.tenancy.event.EventListener;
import dev.tdeveloper.tenancy.internal.Listeners;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The autoscaling loop: every interval it observes the {@link ScalingBackend}, asks the {@link
 * Autoscaler}, scales the backend when the desired count changes, evaluates the {@link
 * ScalingAlerts} and publishes a {@link ScalingEvent} for each step. A failing backend or
 * autoscaler becomes a {@link ScalingEvent.Failed} event and the loop goes on at the next interval.
 * {@link #runOnce()} runs one iteration for tests and callers with their own scheduler.
 *
 * <p>Thread-safe: iterations never overlap.
 */
public final class ScalingController implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ScalingController.class);

  /** Default interval, the HPA sync period: {@value} seconds. */
  public static final long DEFAULT_INTERVAL_SECONDS = 15;

  private final ScalingBackend backend;
  private final Autoscaler autoscaler;
  private final InstantSource clock;
  private final Duration interval;
  private final ScalingAlerts alerts;
  private final Listeners<ScalingEvent> listeners;
  private final ScheduledExecutorService executor;
  private final boolean ownsExecutor;

  private ReplicaState lastState = new ReplicaState(0, 0, 0);
  private Optional<ScalingDecision> lastDecision = Optional.empty();
  private Optional<String> lastFailure = Optional.empty();
  private ScheduledFuture<?> task;

  private ScalingController(Builder b) {
    this.backend = b.backend;
    this.autoscaler = b.autoscaler;
    this.clock = b.clock;
    this.interval = b.interval;
    this.alerts = b.alerts != null ? b.alerts : ScalingAlerts.builder(b.clock).build();
    this.listeners = Listeners.of(b.listeners);
    this.ownsExecutor = b.executor == null;
    this.executor =
        ownsExecutor
            ? Executors.newSingleThreadScheduledExecutor(
                r -> {
                  Thread t = new Thread(r, "scaling-controller-" + backend.workload());
                  t.setDaemon(true);
                  return t;
                })
            : b.executor;
  }

  /**
   * Starts a controller.
   *
   * @param backend the workload to drive
   * @param autoscaler what decides its replica count
   * @return a builder
   */
  public static Builder builder(ScalingBackend backend, Autoscaler autoscaler) {
    return new Builder(backend, autoscaler);
  }

  /**
   * Runs the loop every interval, starting now.
   *
   * @throws IllegalStateException when already started or closed
   */
  public synchronized void start() {
    if (task != null) {
      throw new IllegalStateException("controller for " + backend.workload() + " already started");
    }
    long millis = interval.toMillis();
    task = executor.scheduleWithFixedDelay(this::runSafely, 0, millis, TimeUnit.MILLISECONDS);
  }

  private void runSafely() {
    try {
      runOnce();
    } catch (RuntimeException e) {
      LOG.error("scaling loop for {} failed; it runs again next interval", backend.workload(), e);
    }
  }

  /**
   * Runs one iteration: observe, decide, evaluate alerts, scale when the desired count changes.
   *
   * @return the decision, or empty when observing or deciding failed (a {@link ScalingEvent.Failed}
   *     event says why)
   */
  public synchronized Optional<ScalingDecision> runOnce() {
    String workload = backend.workload();
    List<ScalingEvent> events = new ArrayList<>(4);
    ScalingInput input;
    ScalingDecision decision;
    try {
      lastState = backend.state();
      input = backend.observe();
    } catch (RuntimeException e) {
      return fail(workload, "observe", e);
    }
    try {
      decision = autoscaler.decide(input);
    } catch (RuntimeException e) {
      return fail(workload, "decide", e);
    }
    lastDecision = Optional.of(decision);
    lastFailure = Optional.empty();
    events.add(new ScalingEvent.Decided(clock.instant(), workload, decision));
    events.addAll(alerts.evaluate(workload, input, decision));
    events.forEach(listeners::publish);
    if (decision.desiredReplicas() != lastState.desired()) {
      try {
        backend.scale(decision.desiredReplicas());
        listeners.publish(
            new ScalingEvent.Scaled(
                clock.instant(), workload, lastState.desired(), decision.desiredReplicas()));
        lastState = backend.state();
      } catch (RuntimeException e) {
        fail(workload, "scale", e);
      }
    }
    return Optional.of(decision);
  }

  private Optional<ScalingDecision> fail(String workload, String stage, RuntimeException e) {
    String error = e.getClass().getSimpleName() + ": " + e.getMessage();
    LOG.warn("scaling {} failed for {}: {}", stage, workload, error);
    lastFailure = Optional.of(stage + ": " + error);
    listeners.publish(new ScalingEvent.Failed(clock.instant(), workload, stage, error));
    return Optional.empty();
  }

  /**
   * The last decision.
   *
   * @return it, or empty before the first
   */
  public synchronized Optional<ScalingDecision> lastDecision() {
    return lastDecision;
  }

  /**
   * The state for dashboards and the status JSON.
   *
   * @return the workload, counts, last decision, last failure and active alerts
   */
  public synchronized ScalingStatus status() {
    return new ScalingStatus(
        clock.instant(),
        backend.workload(),
        autoscaler.name(),
        lastState,
        lastDecision,
        lastFailure,
        alerts.active());
  }

  /** Stops the loop; an executor the controller created is shut down, a given one is not. */
  @Override
  public synchronized void close() {
    if (task != null) {
      task.cancel(false);
    }
    if (ownsExecutor) {
      executor.shutdownNow();
    }
  }

  /** Configures a {@link ScalingController}; not thread-safe. */
  public static final class Builder {
    private final ScalingBackend backend;
    private final Autoscaler autoscaler;
    private InstantSource clock = InstantSource.system();
    private Duration interval = Duration.ofSeconds(DEFAULT_INTERVAL_SECONDS);
    private ScalingAlerts alerts;
    private ScheduledExecutorService executor;
    private final List<EventListener<? super ScalingEvent>> listeners = new ArrayList<>();

    private Builder(ScalingBackend backend, Autoscaler autoscaler) {
      this.backend = Objects.requireNonNull(backend, "backend");
      this.autoscaler = Objects.requireNonNull(autoscaler, "autoscaler");
    }

    /**
     * Sets the wall clock events are timed by; the system clock by default.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(InstantSource clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the time between iterations; {@value #DEFAULT_INTERVAL_SECONDS} s by default.
     *
     * @param interval at least one millisecond
     * @return this builder
     */
    public Builder interval(Duration interval) {
      Objects.requireNonNull(interval, "interval");
      if (interval.toMillis() < 1) {
        throw new IllegalArgumentException(
            "interval: " + interval + "; allowed: at least PT0.001S");
      }
      this.interval = interval;
      return this;
    }

    /**
     * Sets the alerts to evaluate; by default the {@link ScalingAlerts} defaults on this clock.
     *
     * @param alerts the alerts
     * @return this builder
     */
    public Builder alerts(ScalingAlerts alerts) {
      this.alerts = Objects.requireNonNull(alerts, "alerts");
      return this;
    }

    /**
     * Runs the loop on this executor, which the controller does not shut down; by default it owns a
     * single daemon thread.
     *
     * @param executor the executor
     * @return this builder
     */
    public Builder executor(ScheduledExecutorService executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * Adds a listener for the controller's events.
     *
     * @param listener called synchronously on the loop's thread
     * @return this builder
     */
    public Builder listener(EventListener<? super ScalingEvent> listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * Builds the controller, not yet started.
     *
     * @return the controller
     */
    public ScalingController build() {
      return new ScalingController(this);
    }
  }
}
