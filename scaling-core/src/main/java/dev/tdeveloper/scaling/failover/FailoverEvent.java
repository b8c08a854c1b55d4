package dev.tdeveloper.scaling.failover;

import java.time.Duration;

/** What a {@link FailoverRouter} reports to its listeners. Immutable. */
public sealed interface FailoverEvent<E> {
  /**
   * Routing moved from {@code from} to the lower-priority {@code to} (or to any endpoint after
   * panic), because {@code from} became unhealthy or was ejected.
   *
   * @param from the endpoint routed to before
   * @param to the endpoint routed to now
   */
  record FailedOver<E>(E from, E to) implements FailoverEvent<E> {}

  /**
   * Routing moved back to the higher-priority {@code to}, healthy for long enough.
   *
   * @param from the endpoint routed to before
   * @param to the recovered endpoint routed to now
   */
  record FailedBack<E>(E from, E to) implements FailoverEvent<E> {}

  /**
   * {@code endpoint} was ejected after consecutive failures.
   *
   * @param endpoint the ejected endpoint
   * @param ejections how many times it has been ejected, this time included (after decay)
   * @param duration how long it stays ejected
   */
  record Ejected<E>(E endpoint, int ejections, Duration duration) implements FailoverEvent<E> {}

  /**
   * {@code endpoint}'s ejection ended; it is routable again.
   *
   * @param endpoint the endpoint back in the pool
   */
  record Returned<E>(E endpoint) implements FailoverEvent<E> {}

  /**
   * No endpoint is healthy and not ejected: routing goes to the least-bad one.
   *
   * @param endpoint the least-bad endpoint chosen
   */
  record PanicEntered<E>(E endpoint) implements FailoverEvent<E> {}
}
