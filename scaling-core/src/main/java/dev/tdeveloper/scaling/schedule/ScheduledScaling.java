package dev.tdeveloper.scaling.schedule;

import dev.tdeveloper.scaling.autoscale.Autoscaler;
import dev.tdeveloper.scaling.autoscale.ScalingDecision;
import dev.tdeveloper.scaling.autoscale.ScalingInput;
import dev.tdeveloper.scaling.autoscale.ScalingReason;
import dev.tdeveloper.scaling.internal.InputOrder;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Scheduled scaling around any autoscaler: the inner autoscaler always decides, and while a {@link
 * ScheduleWindow} is open its bounds clamp that decision (as an AWS scheduled action sets the
 * group's min and max) or its fixed count replaces it. When several windows are open, the one that
 * opened last wins; on a tie, the one added first. Cron expressions are read in the configured zone
 * (UTC by default). Thread-safe; inputs must come in non-decreasing time.
 *
 * <p>Reason codes: the inner decision's reasons, then {@code schedule.window} (naming the window,
 * its start and what it did) or {@code schedule.none}.
 */
public final class ScheduledScaling implements Autoscaler {
  private final String name;
  private final Autoscaler inner;
  private final ZoneId zone;
  private final List<ScheduleWindow> windows;
  private Instant lastTime;

  private ScheduledScaling(Builder b) {
    this.name = b.name;
    this.inner = b.inner;
    this.zone = b.zone;
    this.windows = List.copyOf(b.windows);
  }

  /**
   * Starts a builder around an inner autoscaler.
   *
   * @param inner the autoscaler whose decisions the windows adjust
   * @return a builder
   */
  public static Builder around(Autoscaler inner) {
    return new Builder(inner);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public synchronized ScalingDecision decide(ScalingInput input) {
    Instant now = InputOrder.timeOf(input, lastTime);
    ScalingDecision d = inner.decide(input);
    lastTime = now;
    Optional<ScheduleWindow> open = Optional.empty();
    Instant openedAt = Instant.MIN;
    for (ScheduleWindow w : windows) {
      Optional<Instant> start = w.openedAt(now, zone);
      if (start.isPresent() && start.get().isAfter(openedAt)) {
        open = Optional.of(w);
        openedAt = start.get();
      }
    }
    List<ScalingReason> reasons = new ArrayList<>(d.reasons());
    int desired = d.desiredReplicas();
    if (open.isEmpty()) {
      reasons.add(ScalingReason.of("schedule.none", "no window open at " + now));
    } else {
      ScheduleWindow w = open.get();
      desired =
          w.desired().isPresent()
              ? w.desired().getAsInt()
              : w.bounds().orElseThrow().clamp(d.desiredReplicas());
      reasons.add(
          ScalingReason.of(
              "schedule.window",
              "window '"
                  + w.name()
                  + "' open since "
                  + openedAt
                  + " until "
                  + openedAt.plus(w.duration())
                  + ": "
                  + d.autoscaler()
                  + "'s "
                  + d.desiredReplicas()
                  + " becomes "
                  + desired
                  + w.desired().stream().mapToObj(n -> " (fixed " + n + ")").findFirst().orElse("")
                  + w.bounds()
                      .map(b -> " (bounds [" + b.min() + ", " + b.max() + "])")
                      .orElse("")));
    }
    return new ScalingDecision(now, input.currentReplicas(), desired, name, reasons);
  }

  /** Builds a {@link ScheduledScaling}; not thread-safe. */
  public static final class Builder {
    private final Autoscaler inner;
    private String name = "scheduled";
    private ZoneId zone = ZoneOffset.UTC;
    private final List<ScheduleWindow> windows = new ArrayList<>();

    private Builder(Autoscaler inner) {
      this.inner = Objects.requireNonNull(inner, "inner");
    }

    /**
     * Names the autoscaler in decisions; default {@code "scheduled"}.
     *
     * @param name a non-blank name
     * @return this builder
     */
    public Builder name(String name) {
      this.name = Objects.requireNonNull(name, "name");
      return this;
    }

    /**
     * Sets the zone cron expressions are read in; default UTC.
     *
     * @param zone the zone
     * @return this builder
     */
    public Builder zone(ZoneId zone) {
      this.zone = Objects.requireNonNull(zone, "zone");
      return this;
    }

    /**
     * Adds a window.
     *
     * @param window the window; names unique
     * @return this builder
     * @throws IllegalArgumentException when a window of that name was already added
     */
    public Builder window(ScheduleWindow window) {
      Objects.requireNonNull(window, "window");
      for (ScheduleWindow w : windows) {
        if (w.name().equals(window.name())) {
          throw new IllegalArgumentException(
              "window '" + window.name() + "': added twice; allowed: unique window names");
        }
      }
      windows.add(window);
      return this;
    }

    /**
     * Builds the scheduled scaling.
     *
     * @return the autoscaler
     * @throws IllegalArgumentException when the name is blank
     */
    public ScheduledScaling build() {
      if (name.isBlank()) {
        throw new IllegalArgumentException("name: blank; allowed: a non-blank name");
      }
      return new ScheduledScaling(this);
    }
  }
}
