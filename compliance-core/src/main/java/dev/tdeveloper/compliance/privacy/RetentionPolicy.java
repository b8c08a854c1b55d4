package dev.tdeveloper.compliance.privacy;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * How long data is kept and what happens to it then, written as a sentence:
 *
 * <pre>{@code
 * RetentionPolicy.retainFor(Period.ofYears(7)).thenAnonymize().unlessLegalHold()
 * RetentionPolicy.retainFor(Period.ofDays(90)).thenDelete().unlessLegalHold()
 * }</pre>
 *
 * <p><b>A legal hold always wins.</b> The sentence must end with {@code unlessLegalHold()}: only
 * that step returns a policy, so the text of every policy says what it does, and no policy exists
 * that would expire held data. {@link #decide} answers {@link RetentionDecision.Action#HELD} for
 * data covered by any hold active at that moment, before it looks at the data's age.
 *
 * <p>The period is counted in calendar units in UTC from the data's creation: created on 29
 * February, kept one year, it expires on 28 February. Immutable and thread-safe.
 */
public final class RetentionPolicy {
  private final Period period;
  private final RetentionDecision.Action expiry;

  private RetentionPolicy(Period period, RetentionDecision.Action expiry) {
    this.period = period;
    this.expiry = expiry;
  }

  /**
   * Starts a policy that keeps data for {@code period} after its creation.
   *
   * @throws IllegalArgumentException if the period is zero or has a negative part
   */
  public static Retention retainFor(Period period) {
    Objects.requireNonNull(period, "period");
    if (period.isZero()
        || period.getYears() < 0
        || period.getMonths() < 0
        || period.getDays() < 0) {
      throw new IllegalArgumentException(
          "retention period must be positive (no part negative), was " + period);
    }
    return new Retention(period);
  }

  /** Returns how long data is kept. */
  public Period period() {
    return period;
  }

  /** Returns what happens when the period ends: {@code ANONYMIZE} or {@code DELETE}. */
  public RetentionDecision.Action expiry() {
    return expiry;
  }

  /** Returns when data created at {@code createdAt} expires. */
  public Instant expiresAt(Instant createdAt) {
    return createdAt.atZone(ZoneOffset.UTC).plus(period).toInstant();
  }

  /**
   * Decides what to do now with data created at {@code createdAt}, given the legal holds that cover
   * it (such as {@link LegalHoldRegistry#covering}); a hold active at {@code now} always wins.
   *
   * @throws IllegalArgumentException if {@code now} is before {@code createdAt}
   */
  public RetentionDecision decide(Instant createdAt, Instant now, Collection<LegalHold> holds) {
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(holds, "holds");
    if (now.isBefore(createdAt)) {
      throw new IllegalArgumentException(
          "now " + now + " is before the data's creation at " + createdAt);
    }
    List<LegalHold> active = holds.stream().filter(h -> h.isActiveAt(now)).toList();
    if (!active.isEmpty()) {
      return new RetentionDecision(
          RetentionDecision.Action.HELD,
          "legal hold: "
              + active.stream()
                  .map(h -> h.reason() + " (" + h.id() + ")")
                  .collect(Collectors.joining("; ")));
    }
    Instant end = expiresAt(createdAt);
    if (now.isBefore(end)) {
      return new RetentionDecision(
          RetentionDecision.Action.RETAIN, "retained for " + period + " until " + end);
    }
    return new RetentionDecision(expiry, "retention of " + period + " ended at " + end);
  }

  /** Returns the policy as its sentence. */
  @Override
  public String toString() {
    return "retainFor("
        + period
        + ").then"
        + (expiry == RetentionDecision.Action.DELETE ? "Delete" : "Anonymize")
        + "().unlessLegalHold()";
  }

  /** The first part of the sentence: how long. Immutable. */
  public static final class Retention {
    private final Period period;

    private Retention(Period period) {
      this.period = period;
    }

    /** Continues: anonymize the data when the period ends. */
    public Expiry thenAnonymize() {
      return new Expiry(period, RetentionDecision.Action.ANONYMIZE);
    }

    /** Continues: delete the data when the period ends. */
    public Expiry thenDelete() {
      return new Expiry(period, RetentionDecision.Action.DELETE);
    }
  }

  /** The second part of the sentence: what then. Immutable. */
  public static final class Expiry {
    private final Period period;
    private final RetentionDecision.Action action;

    private Expiry(Period period, RetentionDecision.Action action) {
      this.period = period;
      this.action = action;
    }

    /** Ends the sentence: a legal hold always wins. Returns the policy. */
    public RetentionPolicy unlessLegalHold() {
      return new RetentionPolicy(period, action);
    }
  }
}
