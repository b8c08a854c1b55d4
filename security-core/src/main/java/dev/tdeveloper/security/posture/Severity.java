package dev.tdeveloper.security.posture;

/**
 * How urgent a {@link Finding} is, most severe first, so {@code compareTo} sorts the worst first.
 * The names are part of the machine-readable output and never change.
 */
public enum Severity {
  /** Exploitable or already failing now (an expired certificate, a protocol with known breaks). */
  CRITICAL,
  /** A policy requirement is broken (a key past its maximum age, a certificate about to expire). */
  HIGH,
  /** A weakness that widens exposure (a plan without quotas, a check that could not run). */
  MEDIUM,
  /** Hygiene (an unusual setting that is not unsafe on its own). */
  LOW,
  /** Not a problem; recorded for the evidence trail. */
  INFO;

  /** Returns whether this severity is at least as severe as {@code other}. */
  public boolean atLeast(Severity other) {
    return compareTo(other) <= 0;
  }
}
