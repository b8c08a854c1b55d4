package dev.tdeveloper.scaling.resilience;

/** The state of a circuit breaker, as Failsafe defines it. */
public enum BreakerState {
  /** Calls go through; failures are counted. */
  CLOSED,
  /** Calls are rejected at once, until the open delay has passed. */
  OPEN,
  /** A limited number of trial calls go through; their outcome closes or re-opens the breaker. */
  HALF_OPEN
}
