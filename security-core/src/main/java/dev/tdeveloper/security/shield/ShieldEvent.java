package dev.tdeveloper.security.shield;

import java.time.Duration;
import java.util.Optional;

/**
 * What the {@link AbuseShield} tells its listeners: every blocked request and every new ban, on the
 * request's thread. Under attack these come at the attack's rate, so listeners should count or
 * sample rather than log each one. Immutable.
 */
public sealed interface ShieldEvent {
  /** Returns the dimension concerned. */
  Dimension dimension();

  /** Returns the key concerned, as text (an IP address, a tenant id, an API key identifier). */
  String subject();

  /**
   * A request was blocked.
   *
   * @param reason why
   * @param dimension the dimension that blocked it ({@link Dimension#CLIENT_IP} for the deny list
   *     and for overload, where {@code subject} is the client)
   * @param subject the blocked key
   * @param status the HTTP status answered
   * @param retryAfter the {@code Retry-After} given, if any
   */
  record Blocked(
      BlockReason reason,
      Dimension dimension,
      String subject,
      int status,
      Optional<Duration> retryAfter)
      implements ShieldEvent {}

  /**
   * A key was banned (by the shield as a heavy hitter, or by hand through its ban list).
   *
   * @param dimension the dimension
   * @param subject the banned key
   * @param offence its offence number (1 for a first offence)
   * @param duration the length of the ban
   */
  record Banned(Dimension dimension, String subject, int offence, Duration duration)
      implements ShieldEvent {}
}
