package dev.tdeveloper.observability.escalation;

import dev.tdeveloper.observability.spi.EscalationState;
import java.time.Instant;
import java.util.Optional;

/** Moves an escalation through its policy's levels and repeats. Stateless. */
final class Positions {
  private Positions() {}

  /**
   * Returns the position after {@code state}'s, reached at {@code due}, with its own next
   * escalation time; empty once the last level of the last pass has run its delay.
   */
  static Optional<EscalationState> next(
      EscalationState state, EscalationPolicy policy, Instant due) {
    int levels = policy.levels().size();
    int level = Math.min(state.level(), levels - 1) + 1;
    int round = state.round();
    if (level == levels) {
      if (round >= policy.repeats()) {
        return Optional.empty();
      }
      round++;
      level = 0;
    }
    return Optional.of(
        new EscalationState(
            state.incidentId(),
            state.tenant(),
            state.policy(),
            state.title(),
            state.severity(),
            state.startedAt(),
            round,
            level,
            Optional.of(due.plus(policy.level(level).delay())),
            state.notified(),
            state.acknowledgement()));
  }

  /** Returns {@code state} with no further escalation due. */
  static EscalationState exhausted(EscalationState state) {
    return new EscalationState(
        state.incidentId(),
        state.tenant(),
        state.policy(),
        state.title(),
        state.severity(),
        state.startedAt(),
        state.round(),
        state.level(),
        Optional.empty(),
        state.notified(),
        state.acknowledgement());
  }
}
