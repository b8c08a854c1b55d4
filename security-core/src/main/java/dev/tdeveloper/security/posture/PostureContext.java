package dev.tdeveloper.security.posture;

import java.time.Instant;
import java.util.Objects;

/**
 * What a {@link PostureCheck} is given at each scan: the policy in force and the scan's time (from
 * the scanner's clock; checks never read the system clock). Immutable and thread-safe.
 *
 * @param policy the policy to check against
 * @param now when the scan runs
 */
public record PostureContext(SecurityPolicy policy, Instant now) {
  /** Checks that no field is null. */
  public PostureContext {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(now, "now");
  }
}
