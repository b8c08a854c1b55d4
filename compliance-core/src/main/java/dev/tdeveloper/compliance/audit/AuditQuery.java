package dev.tdeveloper.compliance.audit;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.internal.Texts;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * A search of the audit log, always confined to one scope: one tenant's entries, or the platform's
 * (entries without a tenant). Filters by actor, action (exact, or a prefix such as {@code note.*}),
 * outcome and time range {@code [from, to)}; pages with {@link #afterSequence()} and {@link
 * #limit()}. Immutable and thread-safe; start one with {@link #forTenant} or {@link #platform}.
 */
public final class AuditQuery {
  /** The default page size: {@value}. */
  public static final int DEFAULT_LIMIT = 100;

  /** The largest page size: {@value}. */
  public static final int MAX_LIMIT = 10_000;

  private static final Pattern ACTION =
      Pattern.compile("[a-z][a-z0-9]*(?:[._-][a-z0-9]+)*(?:\\.\\*)?");

  private final Optional<TenantId> tenant;
  private final Optional<String> actor;
  private final Optional<String> action;
  private final Optional<AuditOutcome> outcome;
  private final Optional<Instant> from;
  private final Optional<Instant> to;
  private final OptionalLong afterSequence;
  private final int limit;

  private AuditQuery(Builder b) {
    this.tenant = b.tenant;
    this.actor = b.actor;
    this.action = b.action;
    this.outcome = b.outcome;
    this.from = b.from;
    this.to = b.to;
    this.afterSequence = b.afterSequence;
    this.limit = b.limit;
  }

  /** Starts a query of one tenant's entries. */
  public static Builder forTenant(TenantId tenant) {
    return new Builder(Optional.of(Objects.requireNonNull(tenant, "tenant")));
  }

  /** Starts a query of the platform's entries: those that concern no tenant. */
  public static Builder platform() {
    return new Builder(Optional.empty());
  }

  /** Returns the tenant searched, or empty for the platform scope. */
  public Optional<TenantId> tenant() {
    return tenant;
  }

  /** Returns the actor searched (as given: the logger pseudonymizes it when it must). */
  public Optional<String> actor() {
    return actor;
  }

  /** Returns the action searched: an exact action, or a prefix ending in {@code .*}. */
  public Optional<String> action() {
    return action;
  }

  /** Returns the outcome searched. */
  public Optional<AuditOutcome> outcome() {
    return outcome;
  }

  /** Returns the earliest event time included. */
  public Optional<Instant> from() {
    return from;
  }

  /** Returns the event time before which entries are included (exclusive). */
  public Optional<Instant> to() {
    return to;
  }

  /** Returns the sequence number after which the search starts (exclusive), for paging. */
  public OptionalLong afterSequence() {
    return afterSequence;
  }

  /** Returns the most entries returned. */
  public int limit() {
    return limit;
  }

  /** Returns whether the event matches every filter but the actor, which the logger resolves. */
  boolean matchesIgnoringActor(AuditEvent event) {
    return event.tenant().equals(tenant)
        && action.map(a -> actionMatches(a, event.action())).orElse(true)
        && outcome.map(o -> o == event.outcome()).orElse(true)
        && from.map(f -> !event.time().isBefore(f)).orElse(true)
        && to.map(t -> event.time().isBefore(t)).orElse(true);
  }

  private static boolean actionMatches(String pattern, String action) {
    return pattern.endsWith(".*")
        ? action.startsWith(pattern.substring(0, pattern.length() - 1))
        : action.equals(pattern);
  }

  @Override
  public String toString() {
    return "AuditQuery[tenant="
        + tenant.map(TenantId::value).orElse("(platform)")
        + ", actor="
        + actor
        + ", action="
        + action
        + ", outcome="
        + outcome
        + ", from="
        + from
        + ", to="
        + to
        + ", afterSequence="
        + afterSequence
        + ", limit="
        + limit
        + "]";
  }

  /** Builds an {@link AuditQuery}; not thread-safe. */
  public static final class Builder {
    private final Optional<TenantId> tenant;
    private Optional<String> actor = Optional.empty();
    private Optional<String> action = Optional.empty();
    private Optional<AuditOutcome> outcome = Optional.empty();
    private Optional<Instant> from = Optional.empty();
    private Optional<Instant> to = Optional.empty();
    private OptionalLong afterSequence = OptionalLong.empty();
    private int limit = DEFAULT_LIMIT;

    private Builder(Optional<TenantId> tenant) {
      this.tenant = tenant;
    }

    /** Keeps only entries of this actor (given raw; the logger looks up its pseudonym). */
    public Builder actor(String actor) {
      Objects.requireNonNull(actor, "actor");
      if (actor.isEmpty() || actor.length() > 256) {
        throw new IllegalArgumentException(
            "AuditQuery.actor must have 1 to 256 characters, got " + actor.length());
      }
      this.actor = Optional.of(actor);
      return this;
    }

    /**
     * Keeps only entries with this action, or with an action starting with a prefix written as
     * {@code note.*}.
     */
    public Builder action(String action) {
      Objects.requireNonNull(action, "action");
      if (action.length() > 130 || !ACTION.matcher(action).matches()) {
        throw new IllegalArgumentException(
            "AuditQuery.action "
                + Texts.quote(action)
                + " is invalid: give an action such as 'note.read' or a prefix such as 'note.*'");
      }
      this.action = Optional.of(action);
      return this;
    }

    /** Keeps only entries with this outcome. */
    public Builder outcome(AuditOutcome outcome) {
      this.outcome = Optional.of(Objects.requireNonNull(outcome, "outcome"));
      return this;
    }

    /** Keeps only entries whose event time is at or after {@code from}. */
    public Builder from(Instant from) {
      this.from = Optional.of(Objects.requireNonNull(from, "from"));
      return this;
    }

    /** Keeps only entries whose event time is before {@code to}. */
    public Builder to(Instant to) {
      this.to = Optional.of(Objects.requireNonNull(to, "to"));
      return this;
    }

    /** Starts after this sequence number: pass the last sequence of the previous page. */
    public Builder afterSequence(long afterSequence) {
      if (afterSequence < 0) {
        throw new IllegalArgumentException(
            "AuditQuery.afterSequence must be >= 0, got " + afterSequence);
      }
      this.afterSequence = OptionalLong.of(afterSequence);
      return this;
    }

    /**
     * Sets the most entries returned (default {@value #DEFAULT_LIMIT}, at most {@value
     * #MAX_LIMIT}).
     */
    public Builder limit(int limit) {
      if (limit < 1 || limit > MAX_LIMIT) {
        throw new IllegalArgumentException(
            "AuditQuery.limit must be 1 to " + MAX_LIMIT + ", got " + limit);
      }
      this.limit = limit;
      return this;
    }

    /**
     * Returns the query.
     *
     * @throws IllegalArgumentException if {@code from} is not before {@code to}
     */
    public AuditQuery build() {
      if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
        throw new IllegalArgumentException(
            "AuditQuery.from (" + from.get() + ") must be before to (" + to.get() + ")");
      }
      return new AuditQuery(this);
    }
  }
}
