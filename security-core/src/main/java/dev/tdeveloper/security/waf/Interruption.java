package dev.tdeveloper.security.waf;

import java.util.Objects;
import java.util.Optional;

/**
 * The decision that ends a request: a rule's {@code deny}, {@code drop} or {@code redirect} (or
 * {@code block} resolved to one of them through {@code SecDefaultAction}), or the request body
 * limit. Immutable.
 *
 * @param ruleId the id of the rule whose action it is; 0 for the body limit
 * @param action what the connector should do
 * @param status the HTTP status to answer with ({@code status:} action, else 403; 302 for a
 *     redirect; 413 for a body over the limit)
 * @param redirectUrl the macro-expanded target of a {@code redirect}; empty otherwise
 * @param phase the phase (1 to 5) it happened in
 */
public record Interruption(
    long ruleId, Action action, int status, Optional<String> redirectUrl, int phase) {

  /** What the connector does with the request. */
  public enum Action {
    /** Answer with {@link Interruption#status()} and no application response. */
    DENY,
    /** Close the connection without an answer (connectors that cannot: answer like DENY). */
    DROP,
    /** Answer with a redirect to {@link Interruption#redirectUrl()}. */
    REDIRECT
  }

  /** Validates. */
  public Interruption {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(redirectUrl, "redirectUrl");
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("status: " + status + "; allowed: 100 to 599");
    }
    if (phase < 1 || phase > 5) {
      throw new IllegalArgumentException("phase: " + phase + "; allowed: 1 to 5");
    }
  }
}
