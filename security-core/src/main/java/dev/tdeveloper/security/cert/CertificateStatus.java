package dev.tdeveloper.security.cert;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One watched certificate as a {@link CertificateMonitor} saw it at one check. Immutable.
 *
 * @param source the {@linkplain CertificateSource#name() source}'s name
 * @param entry the entry in the source (key store alias, or {@code #0} for the first certificate of
 *     a file)
 * @param subject the subject's distinguished name (RFC 2253)
 * @param sha256Fingerprint the {@linkplain Certificates#sha256Fingerprint SHA-256 fingerprint}
 * @param notBefore the start of the validity period
 * @param notAfter the end of the validity period (the certificate is still valid at that instant)
 * @param timeLeft the time from the check to {@code notAfter}; negative once expired
 * @param state the state at the check
 */
public record CertificateStatus(
    String source,
    String entry,
    String subject,
    String sha256Fingerprint,
    Instant notBefore,
    Instant notAfter,
    Duration timeLeft,
    State state) {

  /** Where a certificate stands at a check. */
  public enum State {
    /** The validity period has not begun. */
    NOT_YET_VALID,
    /** Valid, with more time left than the monitor's largest alert threshold. */
    VALID,
    /** Valid, but within the monitor's largest alert threshold of its end. */
    EXPIRING_SOON,
    /** Past the end of its validity period. */
    EXPIRED
  }

  /** Checks that no field is null. */
  public CertificateStatus {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(sha256Fingerprint, "sha256Fingerprint");
    Objects.requireNonNull(notBefore, "notBefore");
    Objects.requireNonNull(notAfter, "notAfter");
    Objects.requireNonNull(timeLeft, "timeLeft");
    Objects.requireNonNull(state, "state");
  }

  /**
   * Returns the status of {@code certificate} at {@code now}, {@link State#EXPIRING_SOON} within
   * {@code soon} of its end.
   */
  public static CertificateStatus of(
      String source, String entry, X509Certificate certificate, Instant now, Duration soon) {
    Instant notBefore = certificate.getNotBefore().toInstant();
    Instant notAfter = certificate.getNotAfter().toInstant();
    Duration timeLeft = Duration.between(now, notAfter);
    State state;
    if (now.isBefore(notBefore)) {
      state = State.NOT_YET_VALID;
    } else if (now.isAfter(notAfter)) {
      state = State.EXPIRED;
    } else if (timeLeft.compareTo(soon) <= 0) {
      state = State.EXPIRING_SOON;
    } else {
      state = State.VALID;
    }
    return new CertificateStatus(
        source,
        entry,
        certificate.getSubjectX500Principal().getName(),
        Certificates.sha256Fingerprint(certificate),
        notBefore,
        notAfter,
        timeLeft,
        state);
  }

  /** Returns the whole days left, rounded down: 0 on the last day, negative once expired. */
  public long daysLeft() {
    return Math.floorDiv(timeLeft.getSeconds(), Duration.ofDays(1).getSeconds());
  }

  /** Returns the length of the validity period. */
  public Duration lifetime() {
    return Duration.between(notBefore, notAfter);
  }
}
