package dev.tdeveloper.observability.alert;

import dev.tdeveloper.observability.Labels;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An Alertmanager silence: alerts matching all {@code matchers} are not notified between {@code
 * startsAt} (inclusive) and {@code endsAt} (exclusive). A silence scoped to a tenant only ever
 * matches alerts whose {@code tenant} label is that tenant, whatever its matchers say, so a
 * tenant's silence cannot mute another tenant's alerts. Immutable and thread-safe.
 *
 * @param id unique identity, assigned by the router
 * @param matchers what a silenced alert matches; at least one, and not all matching the empty
 *     string (which would silence nearly everything)
 * @param startsAt when the silence begins
 * @param endsAt when it ends; after {@code startsAt}
 * @param createdBy who created it
 * @param comment why
 * @param tenant the tenant the silence is confined to; empty for an operator-wide silence
 */
public record Silence(
    String id,
    List<Matcher> matchers,
    Instant startsAt,
    Instant endsAt,
    String createdBy,
    String comment,
    Optional<String> tenant) {

  /** Where a silence stands at a point in time. */
  public enum State {
    /** Not started yet. */
    PENDING,
    /** Muting matching alerts. */
    ACTIVE,
    /** Ended (or expired by hand). */
    EXPIRED
  }

  /**
   * Validates the silence.
   *
   * @throws IllegalArgumentException naming the field if a text is blank, there is no matcher,
   *     every matcher matches the empty string, or {@code endsAt} is not after {@code startsAt}
   */
  public Silence {
    Objects.requireNonNull(id, "id");
    matchers = List.copyOf(Objects.requireNonNull(matchers, "matchers"));
    Objects.requireNonNull(startsAt, "startsAt");
    Objects.requireNonNull(endsAt, "endsAt");
    Objects.requireNonNull(createdBy, "createdBy");
    Objects.requireNonNull(comment, "comment");
    Objects.requireNonNull(tenant, "tenant");
    if (id.isBlank()) {
      throw new IllegalArgumentException("silence: id is blank");
    }
    if (matchers.isEmpty()) {
      throw new IllegalArgumentException("silence " + id + ": at least one matcher is required");
    }
    if (matchers.stream().allMatch(m -> m.matches(""))) {
      throw new IllegalArgumentException(
          "silence "
              + id
              + ": matchers "
              + Matcher.format(matchers)
              + " all match the empty string; at least one must require a label value");
    }
    if (!endsAt.isAfter(startsAt)) {
      throw new IllegalArgumentException(
          "silence " + id + ": endsAt " + endsAt + " is not after startsAt " + startsAt);
    }
    if (createdBy.isBlank()) {
      throw new IllegalArgumentException("silence " + id + ": createdBy is blank");
    }
    if (comment.isBlank()) {
      throw new IllegalArgumentException("silence " + id + ": comment is blank");
    }
    if (tenant.isPresent() && tenant.get().isBlank()) {
      throw new IllegalArgumentException("silence " + id + ": tenant is blank");
    }
  }

  /** Returns the state at {@code now}. */
  public State stateAt(Instant now) {
    if (now.isBefore(startsAt)) {
      return State.PENDING;
    }
    return now.isBefore(endsAt) ? State.ACTIVE : State.EXPIRED;
  }

  /** Returns whether the silence mutes {@code labels} at {@code now}. */
  public boolean mutes(Labels labels, Instant now) {
    return stateAt(now) == State.ACTIVE && matches(labels);
  }

  /** Returns whether the labels fall under this silence (its tenant and all its matchers). */
  public boolean matches(Labels labels) {
    if (tenant.isPresent() && !tenant.equals(labels.get(Alert.TENANT))) {
      return false;
    }
    return Matcher.all(matchers, labels);
  }

  /**
   * Returns this silence expired at {@code now}: it ends at {@code now} (a pending one also starts
   * just before, so it never mutes anything).
   *
   * @throws IllegalStateException if it has already expired
   */
  public Silence expiredAt(Instant now) {
    if (stateAt(now) == State.EXPIRED) {
      throw new IllegalStateException("silence " + id + " has already expired (at " + endsAt + ")");
    }
    Instant start = startsAt.isBefore(now) ? startsAt : now.minusNanos(1);
    return new Silence(id, matchers, start, now, createdBy, comment, tenant);
  }
}
