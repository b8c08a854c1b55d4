package dev.tdeveloper.security.posture;

import java.time.Instant;
import java.util.Objects;

/**
 * Published by a {@link PostureScanner} to the listeners registered on its builder: each scan's
 * {@link ScanCompleted}, and, compared with the previous scan by {@link Finding#key()}, each
 * finding that {@link FindingOpened appeared} or {@link FindingResolved went away} (on the first
 * scan every finding is opened). Audit logs and alerting subscribe to the last two. Immutable and
 * thread-safe.
 */
public sealed interface PostureEvent {
  /** When the scan that published the event ran. */
  Instant at();

  /**
   * A scan finished.
   *
   * @param at when it ran
   * @param report what it found
   */
  record ScanCompleted(Instant at, PostureReport report) implements PostureEvent {
    /** Checks that no field is null. */
    public ScanCompleted {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(report, "report");
    }
  }

  /**
   * A finding the previous scan did not have.
   *
   * @param at when the scan ran
   * @param finding the new finding
   */
  record FindingOpened(Instant at, Finding finding) implements PostureEvent {
    /** Checks that no field is null. */
    public FindingOpened {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(finding, "finding");
    }
  }

  /**
   * A finding of the previous scan that this scan did not report again.
   *
   * @param at when the scan ran
   * @param finding the finding as the previous scan reported it
   */
  record FindingResolved(Instant at, Finding finding) implements PostureEvent {
    /** Checks that no field is null. */
    public FindingResolved {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(finding, "finding");
    }
  }
}
