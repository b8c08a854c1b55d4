package dev.tdeveloper.observability.escalation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Who is paged for an incident and in what order, as a PagerDuty escalation policy: levels notified
 * one after another while nobody acknowledges, the whole sequence repeated up to {@link #repeats()}
 * more times, after which escalation stops on the last level. Immutable and thread-safe; build one
 * with {@link #builder(String)}.
 *
 * @param name the policy's name, unique among an escalator's policies
 * @param levels the levels in order, 1 to {@value #MAX_LEVELS}
 * @param repeats how many times the whole policy is repeated after the first pass, 0 to {@value
 *     #MAX_REPEATS} (PagerDuty's {@code num_loops})
 */
public record EscalationPolicy(String name, List<EscalationLevel> levels, int repeats) {
  /** The most levels a policy has: {@value}. */
  public static final int MAX_LEVELS = 20;

  /** The most repeats: {@value} (as PagerDuty). */
  public static final int MAX_REPEATS = 9;

  /**
   * Validates the policy.
   *
   * @throws IllegalArgumentException if the name is invalid, there are no or too many levels, or
   *     {@code repeats} is out of range
   */
  public EscalationPolicy {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(levels, "levels");
    if (!EscalationTarget.NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "escalation policy name '"
              + name
              + "' is invalid; allowed: 1 to 128 letters, digits or . _ @ + -");
    }
    levels = List.copyOf(levels);
    if (levels.isEmpty() || levels.size() > MAX_LEVELS) {
      throw new IllegalArgumentException(
          "escalation policy '"
              + name
              + "' has "
              + levels.size()
              + " levels; allowed: 1 to "
              + MAX_LEVELS);
    }
    if (repeats < 0 || repeats > MAX_REPEATS) {
      throw new IllegalArgumentException(
          "escalation policy '"
              + name
              + "' repeats "
              + repeats
              + " is out of range; allowed: 0 to "
              + MAX_REPEATS);
    }
  }

  /** Returns a builder for a policy named {@code name}. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** Returns the level at {@code index} (0 is the first). */
  public EscalationLevel level(int index) {
    return levels.get(index);
  }

  /** Returns the names of the schedules the policy's levels name. */
  public List<String> scheduleNames() {
    List<String> names = new ArrayList<>();
    for (EscalationLevel level : levels) {
      for (EscalationTarget target : level.targets()) {
        if (target instanceof EscalationTarget.Schedule schedule) {
          names.add(schedule.name());
        }
      }
    }
    return names;
  }

  /**
   * Builds an {@link EscalationPolicy}: levels in the order added, {@link #repeats} at most once.
   * Not thread-safe.
   */
  public static final class Builder {
    private final String name;
    private final List<EscalationLevel> levels = new ArrayList<>();
    private Integer repeats;

    private Builder(String name) {
      this.name = Objects.requireNonNull(name, "name");
    }

    /**
     * Adds the next level.
     *
     * @param delayMinutes minutes unacknowledged before escalating onwards
     * @param targets whom the level notifies
     * @return this builder
     */
    public Builder level(int delayMinutes, EscalationTarget... targets) {
      levels.add(EscalationLevel.of(delayMinutes, targets));
      return this;
    }

    /**
     * Sets how often the whole policy is repeated after the first pass (default 0).
     *
     * @return this builder
     * @throws IllegalStateException if already set
     */
    public Builder repeats(int repeats) {
      if (this.repeats != null) {
        throw new IllegalStateException("repeats was already set to " + this.repeats);
      }
      this.repeats = repeats;
      return this;
    }

    /**
     * Builds the policy.
     *
     * @throws IllegalArgumentException naming the invalid name, level count, level or repeats
     */
    public EscalationPolicy build() {
      return new EscalationPolicy(name, levels, repeats == null ? 0 : repeats);
    }
  }
}
