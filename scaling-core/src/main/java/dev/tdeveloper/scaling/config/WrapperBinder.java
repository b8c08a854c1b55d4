package dev.tdeveloper.scaling.config;

import dev.tdeveloper.scaling.autoscale.Autoscaler;
import dev.tdeveloper.scaling.autoscale.Metric;
import dev.tdeveloper.scaling.autoscale.ReplicaBounds;
import dev.tdeveloper.scaling.schedule.ScaleToZero;
import dev.tdeveloper.scaling.schedule.ScheduleWindow;
import dev.tdeveloper.scaling.schedule.ScheduledScaling;
import dev.tdeveloper.tenancy.config.Node;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Binds the optional wrappers of any autoscaler: {@code schedule:} ({@link ScheduledScaling}) and
 * {@code scaleToZero:} ({@link ScaleToZero}), the latter outermost so that a workload at zero is
 * activated before any window applies.
 */
final class WrapperBinder {
  static final List<String> KEYS = List.of("schedule", "scaleToZero");

  private WrapperBinder() {}

  /** Wraps {@code base} in the wrappers {@code map} configures; empty when any is bad. */
  static Optional<Recipe> wrap(TreeReader r, String name, Node.MapNode map, Recipe base) {
    UnaryOperator<Autoscaler> schedule = UnaryOperator.identity();
    boolean ok = true;
    Node scheduleNode = map.values().get("schedule");
    if (scheduleNode != null) {
      Optional<UnaryOperator<Autoscaler>> s =
          r.mapping(scheduleNode).flatMap(m -> schedule(r, name, m));
      ok = s.isPresent();
      schedule = s.orElse(schedule);
    }
    UnaryOperator<Autoscaler> zero = UnaryOperator.identity();
    Set<Metric> metrics = EnumSet.noneOf(Metric.class);
    metrics.addAll(base.metrics());
    Node zeroNode = map.values().get("scaleToZero");
    if (zeroNode != null) {
      Optional<Node.MapNode> m = r.mapping(zeroNode);
      Optional<Metric> metric = m.flatMap(z -> metric(r, z));
      Optional<UnaryOperator<Autoscaler>> z =
          m.flatMap(zm -> metric.flatMap(mt -> scaleToZero(r, name, zm, mt, base)));
      metric.ifPresent(metrics::add);
      ok &= z.isPresent();
      zero = z.orElse(zero);
    }
    if (!ok) {
      return Optional.empty();
    }
    UnaryOperator<Autoscaler> s = schedule;
    UnaryOperator<Autoscaler> z = zero;
    return Optional.of(new Recipe(base.bounds(), metrics, () -> z.apply(s.apply(base.build()))));
  }

  private static Optional<UnaryOperator<Autoscaler>> schedule(
      TreeReader r, String name, Node.MapNode m) {
    boolean ok = r.keys(m, List.of("timeZone", "windows"));
    ZoneId zone = ZoneOffset.UTC;
    Optional<String> zoneText = r.text(m, "timeZone");
    if (zoneText.isPresent()) {
      try {
        zone = ZoneId.of(zoneText.get());
      } catch (DateTimeException e) {
        r.problem(
            m.values().get("timeZone"),
            "unknown time zone",
            "a region id such as Europe/Paris, or UTC");
        ok = false;
      }
    } else {
      ok &= !m.values().containsKey("timeZone");
    }
    Optional<Node.MapNode> windows =
        r.required(m, "windows", "a mapping of windows by name").flatMap(r::mapping);
    List<ScheduleWindow> built = new ArrayList<>();
    if (windows.isPresent()) {
      if (windows.get().values().isEmpty()) {
        r.problem(windows.get(), "no window", "at least one window");
        ok = false;
      }
      for (Map.Entry<String, Node> e : windows.get().values().entrySet()) {
        Optional<ScheduleWindow> w =
            r.mapping(e.getValue()).flatMap(wm -> window(r, e.getKey(), wm));
        w.ifPresent(built::add);
        ok &= w.isPresent();
      }
    }
    if (!ok || windows.isEmpty()) {
      return Optional.empty();
    }
    ZoneId chosen = zone;
    return Optional.of(
        inner -> {
          ScheduledScaling.Builder b = ScheduledScaling.around(inner).name(name).zone(chosen);
          built.forEach(b::window);
          return b.build();
        });
  }

  private static Optional<ScheduleWindow> window(TreeReader r, String name, Node.MapNode m) {
    boolean ok = r.keys(m, List.of("cron", "duration", "minReplicas", "maxReplicas", "desired"));
    Optional<String> cron =
        r.required(m, "cron", "a UNIX cron expression such as \"0 9 * * 1-5\"")
            .flatMap(n -> r.text(m, "cron"));
    Optional<Duration> duration =
        r.required(m, "duration", TreeReader.DURATION).flatMap(n -> r.duration(m, "duration"));
    Optional<Integer> min = r.integer(m, "minReplicas", 0, AutoscalerBinder.MAX_REPLICAS);
    Optional<Integer> max = r.integer(m, "maxReplicas", 1, AutoscalerBinder.MAX_REPLICAS);
    Optional<Integer> desired = r.integer(m, "desired", 0, AutoscalerBinder.MAX_REPLICAS);
    ok &= m.values().containsKey("minReplicas") == min.isPresent();
    ok &= m.values().containsKey("maxReplicas") == max.isPresent();
    ok &= m.values().containsKey("desired") == desired.isPresent();
    if (min.isPresent() != max.isPresent() && ok) {
      String missing = min.isPresent() ? "maxReplicas" : "minReplicas";
      r.required(m, missing, "minReplicas and maxReplicas together, or neither");
      ok = false;
    }
    if (!ok || cron.isEmpty() || duration.isEmpty()) {
      return Optional.empty();
    }
    return r.attempt(
        m,
        m,
        Map.of("bounds", "minReplicas"),
        () -> {
          ScheduleWindow.Builder b =
              ScheduleWindow.named(name).cron(cron.get()).duration(duration.get());
          if (min.isPresent()) {
            b.bounds(min.get(), max.get());
          }
          desired.ifPresent(b::desired);
          return b.build();
        });
  }

  private static Optional<Metric> metric(TreeReader r, Node.MapNode m) {
    r.required(m, "metric", "one of " + TargetTrackingBinder.metricKeys());
    return TargetTrackingBinder.metric(r, m, "metric");
  }

  private static Optional<UnaryOperator<Autoscaler>> scaleToZero(
      TreeReader r, String name, Node.MapNode m, Metric metric, Recipe base) {
    ReplicaBounds bounds = base.bounds();
    boolean ok =
        r.keys(m, List.of("metric", "activationThreshold", "cooldown", "idleReplicas", "fallback"));
    Optional<Double> threshold =
        r.number(m, "activationThreshold", "a finite number >= 0", v -> v >= 0);
    Optional<Duration> cooldown = r.duration(m, "cooldown");
    Optional<Integer> idle = r.integer(m, "idleReplicas", 0, AutoscalerBinder.MAX_REPLICAS);
    ok &= m.values().containsKey("activationThreshold") == threshold.isPresent();
    ok &= m.values().containsKey("cooldown") == cooldown.isPresent();
    ok &= m.values().containsKey("idleReplicas") == idle.isPresent();
    Optional<int[]> fallback = Optional.empty();
    Node fallbackNode = m.values().get("fallback");
    if (fallbackNode != null) {
      fallback = r.mapping(fallbackNode).flatMap(f -> fallback(r, f));
      ok &= fallback.isPresent();
    }
    if (!ok) {
      return Optional.empty();
    }
    Optional<int[]> fb = fallback;
    UnaryOperator<Autoscaler> wrap =
        inner -> {
          ScaleToZero.Builder b =
              ScaleToZero.around(inner, metric)
                  .name(name)
                  .minReplicaCount(bounds.min())
                  .maxReplicaCount(bounds.max());
          threshold.ifPresent(b::activationThreshold);
          cooldown.ifPresent(b::cooldownPeriod);
          if (idle.isPresent()) {
            b.idleReplicaCount(idle.get());
          } else if (bounds.min() > 0) {
            b.idleReplicaCount(0);
          }
          fb.ifPresent(f -> b.fallback(f[0], f[1]));
          return b.build();
        };
    Map<String, String> aliases =
        Map.of("idleReplicaCount", "idleReplicas", "cooldownPeriod", "cooldown");
    return r.attempt(m, m, aliases, () -> wrap.apply(base.build())).map(built -> wrap);
  }

  private static Optional<int[]> fallback(TreeReader r, Node.MapNode f) {
    boolean ok = r.keys(f, List.of("failureThreshold", "replicas"));
    Optional<Integer> failures =
        r.required(f, "failureThreshold", "a whole number >= 1")
            .flatMap(n -> r.integer(f, "failureThreshold", 1, Integer.MAX_VALUE));
    Optional<Integer> replicas =
        r.required(f, "replicas", "a whole number >= 1")
            .flatMap(n -> r.integer(f, "replicas", 1, AutoscalerBinder.MAX_REPLICAS));
    if (!ok || failures.isEmpty() || replicas.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new int[] {failures.get(), replicas.get()});
  }
}
