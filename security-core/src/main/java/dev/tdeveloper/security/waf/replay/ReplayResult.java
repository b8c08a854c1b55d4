package dev.tdeveloper.security.waf.replay;

import dev.tdeveloper.security.waf.Interruption;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What the WAF did with one replayed request. Immutable.
 *
 * @param line the 1-based input line of the request
 * @param id the request's id; empty when the line had none
 * @param matched the ids of the rules that matched and log, in evaluation order (a rule matching in
 *     two phases is listed twice; {@code nolog} rules are not listed, as ModSecurity does not log
 *     them)
 * @param inboundScore the CRS inbound anomaly score at the end of the request
 * @param interruption the interruption carried out ({@code On} mode)
 * @param detected in {@code DetectionOnly} mode, the first interruption that would have happened
 * @param errors engine faults ({@code rule 942100 phase 2: ...}); the rule was skipped and the
 *     request went on
 */
public record ReplayResult(
    int line,
    Optional<String> id,
    List<Long> matched,
    long inboundScore,
    Optional<Interruption> interruption,
    Optional<Interruption> detected,
    List<String> errors) {

  /** How the request ended. */
  public enum Decision {
    /** Went on to the application. */
    PASS,
    /** Answered with a status (403 unless the rule said otherwise, 413 for a body over limit). */
    DENY,
    /** Connection closed without an answer. */
    DROP,
    /** Answered with a redirect. */
    REDIRECT;

    /**
     * The name used in the JSON output.
     *
     * @return {@code pass}, {@code deny}, {@code drop} or {@code redirect}
     */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The decision of an interruption.
     *
     * @param interruption the interruption, empty for none
     * @return the decision
     */
    public static Decision of(Optional<Interruption> interruption) {
      if (interruption.isEmpty()) {
        return PASS;
      }
      return switch (interruption.get().action()) {
        case DENY -> DENY;
        case DROP -> DROP;
        case REDIRECT -> REDIRECT;
      };
    }
  }

  /** Validates and copies. */
  public ReplayResult {
    Objects.requireNonNull(id, "id");
    matched = List.copyOf(matched);
    Objects.requireNonNull(interruption, "interruption");
    Objects.requireNonNull(detected, "detected");
    errors = List.copyOf(errors);
  }

  /**
   * How the request ended.
   *
   * @return the decision of {@link #interruption()}
   */
  public Decision decision() {
    return Decision.of(interruption);
  }
}
