package dev.tdeveloper.security.tls;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One way a TLS configuration or endpoint falls short of a {@link TlsPolicy}, found by {@link
 * TlsPolicyCheck}. Callers switch on the type; every finding has a {@link #severity()} and a
 * one-line {@link #message()}. Immutable.
 */
public sealed interface TlsFinding {
  /** How bad a finding is, least first. */
  enum Severity {
    /** Worth a look; no weakness by itself. */
    LOW,
    /** A weaker configuration than the policy's, or a certificate to renew soon. */
    MEDIUM,
    /** A protocol or setting the policy forbids, or a check that could not run. */
    HIGH,
    /** Broken protection: an obsolete protocol, a broken cipher suite, an expired certificate. */
    CRITICAL
  }

  /** Returns how bad the finding is. */
  Severity severity();

  /** Returns a one-line description naming what was found. */
  String message();

  /**
   * A protocol older than the policy's minimum is enabled or accepted.
   *
   * @param protocol the protocol ({@code TLSv1.2}, {@code TLSv1.1}, ...)
   * @param minimum the policy's minimum
   */
  record ProtocolBelowMinimum(String protocol, String minimum) implements TlsFinding {
    /** Checks the fields. */
    public ProtocolBelowMinimum {
      Objects.requireNonNull(protocol, "protocol");
      Objects.requireNonNull(minimum, "minimum");
    }

    /** {@code HIGH} for TLS 1.2, {@code CRITICAL} for anything older. */
    @Override
    public Severity severity() {
      return protocol.equals(TlsPolicy.TLS_1_2) ? Severity.HIGH : Severity.CRITICAL;
    }

    @Override
    public String message() {
      return protocol + " is enabled, below the policy's minimum " + minimum;
    }
  }

  /**
   * TLS 1.3, which every policy requires, is not enabled or not accepted.
   *
   * @param protocol the missing protocol
   */
  record RequiredProtocolMissing(String protocol) implements TlsFinding {
    /** Checks the field. */
    public RequiredProtocolMissing {
      Objects.requireNonNull(protocol, "protocol");
    }

    @Override
    public Severity severity() {
      return Severity.HIGH;
    }

    @Override
    public String message() {
      return protocol + " is not enabled";
    }
  }

  /**
   * A cipher suite the policy does not list is enabled or was negotiated.
   *
   * @param cipherSuite the suite
   * @param protocol the protocol it was negotiated with, for an endpoint
   */
  record CipherSuiteNotAllowed(String cipherSuite, Optional<String> protocol)
      implements TlsFinding {
    /** Checks the fields. */
    public CipherSuiteNotAllowed {
      Objects.requireNonNull(cipherSuite, "cipherSuite");
      Objects.requireNonNull(protocol, "protocol");
    }

    /** Parts of a suite's name that make it broken: no encryption or authentication, or weak. */
    private static final java.util.Set<String> BROKEN =
        java.util.Set.of(
            "NULL", "anon", "EXPORT", "EXPORT1024", "RC4", "DES", "DES40", "3DES", "MD5");

    /** {@code CRITICAL} for a suite without encryption or authentication, or with a broken part. */
    @Override
    public Severity severity() {
      for (String part : cipherSuite.split("_")) {
        if (BROKEN.contains(part)) {
          return Severity.CRITICAL;
        }
      }
      return Severity.MEDIUM;
    }

    @Override
    public String message() {
      return "cipher suite "
          + cipherSuite
          + protocol.map(p -> " (negotiated with " + p + ")").orElse(" is enabled")
          + " is not allowed by the policy";
    }
  }

  /**
   * A certificate ends within the check's warning period.
   *
   * @param subject the certificate's subject (RFC 2253)
   * @param sha256Fingerprint its fingerprint
   * @param notAfter its end
   * @param timeLeft the time left at the check
   */
  record CertificateExpiring(
      String subject, String sha256Fingerprint, Instant notAfter, Duration timeLeft)
      implements TlsFinding {
    /** Checks the fields. */
    public CertificateExpiring {
      Objects.requireNonNull(subject, "subject");
      Objects.requireNonNull(sha256Fingerprint, "sha256Fingerprint");
      Objects.requireNonNull(notAfter, "notAfter");
      Objects.requireNonNull(timeLeft, "timeLeft");
    }

    @Override
    public Severity severity() {
      return Severity.MEDIUM;
    }

    @Override
    public String message() {
      return "certificate "
          + subject
          + " expires at "
          + notAfter
          + ", in "
          + timeLeft.toDays()
          + " days";
    }
  }

  /**
   * A certificate has expired, or is not valid yet.
   *
   * @param subject the certificate's subject (RFC 2253)
   * @param sha256Fingerprint its fingerprint
   * @param notBefore its start
   * @param notAfter its end
   */
  record CertificateNotValid(
      String subject, String sha256Fingerprint, Instant notBefore, Instant notAfter)
      implements TlsFinding {
    /** Checks the fields. */
    public CertificateNotValid {
      Objects.requireNonNull(subject, "subject");
      Objects.requireNonNull(sha256Fingerprint, "sha256Fingerprint");
      Objects.requireNonNull(notBefore, "notBefore");
      Objects.requireNonNull(notAfter, "notAfter");
    }

    @Override
    public Severity severity() {
      return Severity.CRITICAL;
    }

    @Override
    public String message() {
      return "certificate " + subject + " is valid only from " + notBefore + " to " + notAfter;
    }
  }

  /**
   * An endpoint could not be checked: it cannot be reached, or accepts no protocol this JVM offers.
   * Reported {@code HIGH}, as what cannot be checked cannot be trusted.
   *
   * @param target {@code host:port}
   * @param reason what went wrong
   */
  record CheckFailed(String target, String reason) implements TlsFinding {
    /** Checks the fields. */
    public CheckFailed {
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public Severity severity() {
      return Severity.HIGH;
    }

    @Override
    public String message() {
      return "cannot check " + target + ": " + reason;
    }
  }
}
