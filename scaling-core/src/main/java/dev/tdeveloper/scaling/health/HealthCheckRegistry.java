package dev.tdeveloper.scaling.health;

import dev.tdeveloper.tenancy.internal.Listeners;
import dev.tdeveloper.tenancy.time.Ticker;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Named health checks aggregated into groups, as Spring Boot Actuator's health groups and the
 * Kubernetes liveness, readiness and startup probes.
 *
 * <ul>
 *   <li><b>Runs.</b> A group's checks run in parallel on the executor, each under its {@link
 *       CheckSettings#timeout() timeout}: a run that overstays is {@link HealthStatus#DOWN} ("timed
 *       out after X ms") and is interrupted; a check that throws is DOWN with the exception's class
 *       and message, which never reaches the caller.
 *   <li><b>Caching.</b> A result younger than the check's {@link CheckSettings#cacheTtl() TTL} is
 *       served without running the check; concurrent callers of an expired check share one run.
 *   <li><b>Aggregation.</b> A group takes the most severe status of its checks in the order DOWN,
 *       OUT_OF_SERVICE, UP, UNKNOWN; an empty group is UP. A {@link Criticality#NON_CRITICAL} check
 *       found DOWN or OUT_OF_SERVICE counts as UP and is listed in the report's {@code degraded}
 *       detail, so an optional dependency's outage never fails a probe.
 *   <li><b>Startup.</b> Once the {@value #STARTUP} group has reported UP, it reports UP for good
 *       without running its checks again: like a Kubernetes startup probe, which stops being called
 *       after its first success, it answers "has started", not "is healthy now" (that is the
 *       liveness and readiness groups' job).
 *   <li><b>Events.</b> Each change of a check's or a group's status is published as a {@link
 *       HealthChanged} to the listeners.
 * </ul>
 *
 * <p>Thread-safe. {@link #report(String)} blocks for at most the longest timeout of the group's
 * checks.
 */
public final class HealthCheckRegistry implements AutoCloseable {
  /** The liveness group's name: {@value}. */
  public static final String LIVENESS = "liveness";

  /** The readiness group's name: {@value}. */
  public static final String READINESS = "readiness";

  /** The startup group's name: {@value}. */
  public static final String STARTUP = "startup";

  private final Map<String, CheckRunner> runners = new LinkedHashMap<>();
  private final Map<String, List<String>> groups = new LinkedHashMap<>();
  private final Map<String, StatusTracker> groupTrackers = new LinkedHashMap<>();
  private final AtomicLong groupSequence = new AtomicLong();
  private final AtomicBoolean started = new AtomicBoolean();
  private final ExecutorService executor;
  private final boolean ownsExecutor;

  HealthCheckRegistry(HealthCheckRegistryBuilder builder) {
    Listeners<HealthChanged> listeners = Listeners.of(builder.listeners);
    InstantSource clock = builder.clock == null ? InstantSource.system() : builder.clock;
    Ticker ticker = builder.ticker == null ? Ticker.system() : builder.ticker;
    this.ownsExecutor = builder.executor == null;
    this.executor = ownsExecutor ? Executors.newCachedThreadPool(daemons()) : builder.executor;
    builder.checks.forEach(
        (name, check) ->
            runners.put(
                name,
                new CheckRunner(
                    name,
                    check,
                    builder.settings.get(name),
                    executor,
                    ticker,
                    new StatusTracker(HealthChanged.Kind.CHECK, name, listeners, clock))));
    for (String name : List.of(LIVENESS, READINESS, STARTUP)) {
      groups.put(name, builder.groups.getOrDefault(name, List.of()));
    }
    builder.groups.forEach(groups::putIfAbsent);
    groups
        .keySet()
        .forEach(
            name ->
                groupTrackers.put(
                    name, new StatusTracker(HealthChanged.Kind.GROUP, name, listeners, clock)));
  }

  /**
   * Returns a builder.
   *
   * @return a new builder
   */
  public static HealthCheckRegistryBuilder builder() {
    return new HealthCheckRegistryBuilder();
  }

  /**
   * The groups' names: {@value #LIVENESS}, {@value #READINESS}, {@value #STARTUP} and the custom
   * ones, in that order.
   *
   * @return the names
   */
  public Set<String> groups() {
    return java.util.Collections.unmodifiableSet(groups.keySet());
  }

  /**
   * Runs (or reuses) the group's checks and aggregates them.
   *
   * @param group a group's name
   * @return the report
   * @throws IllegalArgumentException if there is no such group, naming the groups there are
   */
  public HealthReport report(String group) {
    Objects.requireNonNull(group, "group");
    List<String> members = groups.get(group);
    if (members == null) {
      throw new IllegalArgumentException(
          "group: '" + group + "' is unknown; allowed: " + groups.keySet());
    }
    if (group.equals(STARTUP) && started.get()) {
      return new HealthReport(group, HealthStatus.UP, Map.of(), List.of(), true);
    }
    List<CompletableFuture<CheckRunner.Sample>> runs = new ArrayList<>(members.size());
    for (String name : members) {
      runs.add(runners.get(name).current());
    }
    Map<String, HealthReport.Component> components = new LinkedHashMap<>();
    List<String> degraded = new ArrayList<>();
    HealthStatus status = members.isEmpty() ? HealthStatus.UP : HealthStatus.UNKNOWN;
    for (int i = 0; i < members.size(); i++) {
      String name = members.get(i);
      Criticality criticality = runners.get(name).settings().criticality();
      CheckRunner.Sample sample = runs.get(i).join();
      HealthStatus found = sample.result().status();
      if (criticality == Criticality.NON_CRITICAL && found.isFailing()) {
        degraded.add(name);
        found = HealthStatus.UP;
      }
      status = status.worst(found);
      components.put(
          name,
          new HealthReport.Component(
              sample.result().status(),
              sample.result().details(),
              sample.result().error(),
              sample.duration(),
              criticality));
    }
    if (group.equals(STARTUP) && status == HealthStatus.UP) {
      started.set(true);
    }
    groupTrackers.get(group).observe(groupSequence.incrementAndGet(), status);
    return new HealthReport(group, status, components, degraded, false);
  }

  /** Shuts down the executor if the registry created it; runs in flight are interrupted. */
  @Override
  public void close() {
    if (ownsExecutor) {
      executor.shutdownNow();
    }
  }

  @Override
  public String toString() {
    return "HealthCheckRegistry[checks=" + runners.keySet() + ", groups=" + groups + "]";
  }

  private static ThreadFactory daemons() {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, "health-check-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
