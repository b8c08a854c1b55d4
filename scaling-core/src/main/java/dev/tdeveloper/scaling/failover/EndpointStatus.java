package dev.tdeveloper.scaling.failover;

/**
 * A snapshot of one endpoint of a {@link FailoverRouter}. Immutable.
 *
 * @param endpoint the endpoint
 * @param priority its priority; lower is preferred
 * @param healthy what the last health check said (true before any check)
 * @param ejected whether it is ejected now
 * @param ejections how many times it has been ejected (after decay)
 * @param consecutiveFailures failures recorded since the last success or ejection
 */
public record EndpointStatus<E>(
    E endpoint,
    int priority,
    boolean healthy,
    boolean ejected,
    int ejections,
    int consecutiveFailures) {}
