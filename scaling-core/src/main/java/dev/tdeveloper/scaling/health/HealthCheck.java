package dev.tdeveloper.scaling.health;

/**
 * One health check, such as a database ping or a queue's backlog. The registry runs it on its
 * executor under a timeout; an exception thrown here becomes a {@link HealthStatus#DOWN} result
 * naming the exception, and never reaches the caller of the registry. Implementations must be
 * thread-safe, though the registry never runs one check twice at the same time.
 */
@FunctionalInterface
public interface HealthCheck {
  /**
   * Checks the component once.
   *
   * @return the result; must not be null (a null counts as {@link HealthStatus#DOWN})
   * @throws Exception any failure, reported as {@link HealthStatus#DOWN}
   */
  HealthResult check() throws Exception;
}
