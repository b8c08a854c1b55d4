package dev.tdeveloper.security.cert;

import java.time.Duration;
import java.util.Objects;

/**
 * What a {@link CertificateMonitor} tells its listeners, on the checking thread. Every check
 * publishes {@link Checked} per certificate (the days-left figure a metrics bridge exports); alerts
 * are published once per certificate and threshold. Immutable.
 */
public sealed interface CertificateEvent {
  /**
   * A certificate was checked.
   *
   * @param status what the check found
   */
  record Checked(CertificateStatus status) implements CertificateEvent {
    /** Checks the status. */
    public Checked {
      Objects.requireNonNull(status, "status");
    }
  }

  /**
   * A certificate came within an alert threshold of its end: published once per certificate
   * (source, entry and fingerprint) and threshold; when a check finds several thresholds crossed at
   * once, only the smallest is published.
   *
   * @param status what the check found
   * @param threshold the threshold crossed
   */
  record ExpiringSoon(CertificateStatus status, Duration threshold) implements CertificateEvent {
    /** Checks the fields. */
    public ExpiringSoon {
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(threshold, "threshold");
    }
  }

  /**
   * A certificate is past its end: published once per certificate.
   *
   * @param status what the check found
   */
  record Expired(CertificateStatus status) implements CertificateEvent {
    /** Checks the status. */
    public Expired {
      Objects.requireNonNull(status, "status");
    }
  }

  /**
   * A source could not be read: published at every check that fails.
   *
   * @param source the source's name
   * @param reason what went wrong (never a password or key)
   */
  record SourceFailed(String source, String reason) implements CertificateEvent {
    /** Checks the fields. */
    public SourceFailed {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(reason, "reason");
    }
  }
}
