package dev.tdeveloper.observability.escalation;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A rotation of users on call, as a PagerDuty schedule layer: users take turns in order, each for
 * {@code rotationDays} days, handing off at a local day and time in a {@link ZoneId}, so a handoff
 * at 09:00 Europe/Berlin stays at 09:00 across daylight-saving changes (a rotation spanning the
 * change is an hour shorter or longer). {@link OnCallOverride}s put another user on call for a
 * period and take precedence; where overrides overlap, the one starting latest wins.
 *
 * <p>Immutable and thread-safe; {@link #withOverride} returns a new schedule.
 */
public final class OnCallSchedule {
  /** The longest rotation: {@value} days (a year). */
  public static final int MAX_ROTATION_DAYS = 366;

  private final String name;
  private final ZoneId zone;
  private final List<String> users;
  private final LocalDateTime firstHandoff;
  private final int rotationDays;
  private final List<OnCallOverride> overrides;

  private OnCallSchedule(
      String name,
      ZoneId zone,
      List<String> users,
      LocalDateTime firstHandoff,
      int rotationDays,
      List<OnCallOverride> overrides) {
    this.name = name;
    this.zone = zone;
    this.users = users;
    this.firstHandoff = firstHandoff;
    this.rotationDays = rotationDays;
    this.overrides = overrides;
  }

  /** Returns a builder for a schedule named {@code name}. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /**
   * A period in which {@code user} is on call instead of the rotation's user.
   *
   * @param user who is on call
   * @param start when the override begins (inclusive)
   * @param end when it ends (exclusive), after {@code start}
   */
  public record OnCallOverride(String user, Instant start, Instant end) {
    /**
     * Validates the override.
     *
     * @throws IllegalArgumentException if the user name is invalid or {@code end} is not after
     *     {@code start}
     */
    public OnCallOverride {
      EscalationTarget.user(user);
      Objects.requireNonNull(start, "start");
      Objects.requireNonNull(end, "end");
      if (!end.isAfter(start)) {
        throw new IllegalArgumentException(
            "override for " + user + ": end " + end + " is not after start " + start);
      }
    }

    boolean covers(Instant at) {
      return !at.isBefore(start) && at.isBefore(end);
    }
  }

  /** Returns the schedule's name. */
  public String name() {
    return name;
  }

  /** Returns the time zone handoffs are in. */
  public ZoneId zone() {
    return zone;
  }

  /** Returns the users in rotation order. */
  public List<String> users() {
    return users;
  }

  /** Returns the overrides, in the order added. */
  public List<OnCallOverride> overrides() {
    return overrides;
  }

  /**
   * Returns who is on call at {@code at}: the latest-starting override covering it, else the
   * rotation's user; empty before the first handoff.
   */
  public Optional<String> onCallAt(Instant at) {
    Objects.requireNonNull(at, "at");
    OnCallOverride winner = null;
    for (OnCallOverride override : overrides) {
      if (override.covers(at) && (winner == null || !override.start().isBefore(winner.start()))) {
        winner = override;
      }
    }
    if (winner != null) {
      return Optional.of(winner.user());
    }
    long turn = turnAt(at);
    return turn < 0 ? Optional.empty() : Optional.of(users.get((int) (turn % users.size())));
  }

  /** Returns when rotation turn {@code turn} (0 is the first) begins. */
  public Instant handoffAt(long turn) {
    LocalDateTime local = firstHandoff.plusDays(turn * rotationDays);
    return ZonedDateTime.ofLocal(local, zone, null).toInstant();
  }

  private long turnAt(Instant at) {
    LocalDate date = LocalDateTime.ofInstant(at, zone).toLocalDate();
    long turn =
        Math.floorDiv(ChronoUnit.DAYS.between(firstHandoff.toLocalDate(), date), rotationDays);
    while (at.isBefore(handoffAt(turn))) {
      turn--;
    }
    while (!at.isBefore(handoffAt(turn + 1))) {
      turn++;
    }
    return turn;
  }

  /**
   * Returns this schedule with {@code override} added.
   *
   * @param override the override
   * @return the new schedule
   */
  public OnCallSchedule withOverride(OnCallOverride override) {
    Objects.requireNonNull(override, "override");
    List<OnCallOverride> more = new ArrayList<>(overrides);
    more.add(override);
    return new OnCallSchedule(name, zone, users, firstHandoff, rotationDays, List.copyOf(more));
  }

  /** Returns this schedule without the overrides that ended at or before {@code now}. */
  public OnCallSchedule withoutOverridesEndedBy(Instant now) {
    List<OnCallOverride> kept = overrides.stream().filter(o -> o.end().isAfter(now)).toList();
    return new OnCallSchedule(name, zone, users, firstHandoff, rotationDays, kept);
  }

  @Override
  public String toString() {
    return "OnCallSchedule["
        + name
        + ", "
        + zone
        + ", "
        + users
        + ", every "
        + rotationDays
        + " days from "
        + firstHandoff
        + ", "
        + overrides.size()
        + " overrides]";
  }

  /**
   * Builds an {@link OnCallSchedule}. Required: {@link #zone}, {@link #users}, {@link #handoff};
   * the rotation length defaults to one week. Each setter at most once. Not thread-safe.
   */
  public static final class Builder {
    private final String name;
    private ZoneId zone;
    private List<String> users;
    private LocalDateTime firstHandoff;
    private Integer rotationDays;

    private Builder(String name) {
      this.name = EscalationTarget.schedule(name).name();
    }

    /**
     * Sets the zone handoff times are in.
     *
     * @return this builder
     */
    public Builder zone(ZoneId zone) {
      once(this.zone, "zone");
      this.zone = Objects.requireNonNull(zone, "zone");
      return this;
    }

    /**
     * Sets the users in rotation order; the first is on call from the first handoff.
     *
     * @return this builder
     * @throws IllegalArgumentException if the list is empty, has duplicates or invalid names
     */
    public Builder users(String... users) {
      once(this.users, "users");
      List<String> list = List.of(users);
      if (list.isEmpty()) {
        throw new IllegalArgumentException("schedule " + name + ": users is empty; add 1 or more");
      }
      list.forEach(EscalationTarget::user);
      if (list.stream().distinct().count() != list.size()) {
        throw new IllegalArgumentException(
            "schedule " + name + ": users " + list + " name a user twice");
      }
      this.users = list;
      return this;
    }

    /**
     * Sets the first handoff: the first {@code day} at {@code time} on or after {@code from}, in
     * the schedule's zone; later handoffs follow every rotation length at the same local time.
     *
     * @return this builder
     */
    public Builder handoff(LocalDate from, DayOfWeek day, LocalTime time) {
      once(this.firstHandoff, "handoff");
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(day, "day");
      Objects.requireNonNull(time, "time");
      this.firstHandoff = from.with(TemporalAdjusters.nextOrSame(day)).atTime(time);
      return this;
    }

    /**
     * Sets the rotation length in days (default 7).
     *
     * @return this builder
     * @throws IllegalArgumentException unless 1 to {@value #MAX_ROTATION_DAYS}
     */
    public Builder rotationDays(int days) {
      once(this.rotationDays, "rotationDays");
      if (days < 1 || days > MAX_ROTATION_DAYS) {
        throw new IllegalArgumentException(
            "schedule "
                + name
                + ": rotationDays "
                + days
                + " is out of range; allowed: 1 to "
                + MAX_ROTATION_DAYS);
      }
      this.rotationDays = days;
      return this;
    }

    /**
     * Sets the rotation length in weeks.
     *
     * @return this builder
     * @throws IllegalArgumentException unless 1 to 52
     */
    public Builder rotationWeeks(int weeks) {
      if (weeks < 1 || weeks > 52) {
        throw new IllegalArgumentException(
            "schedule " + name + ": rotationWeeks " + weeks + " is out of range; allowed: 1 to 52");
      }
      return rotationDays(weeks * 7);
    }

    /**
     * Builds the schedule.
     *
     * @throws IllegalStateException naming a required setting that is missing
     */
    public OnCallSchedule build() {
      for (Object[] required :
          new Object[][] {{zone, "zone"}, {users, "users"}, {firstHandoff, "handoff"}}) {
        if (required[0] == null) {
          throw new IllegalStateException("schedule " + name + ": " + required[1] + " is not set");
        }
      }
      return new OnCallSchedule(
          name, zone, users, firstHandoff, rotationDays == null ? 7 : rotationDays, List.of());
    }

    private void once(Object current, String setting) {
      if (current != null) {
        throw new IllegalStateException("schedule " + name + ": " + setting + " was already set");
      }
    }
  }
}
