package dev.tdeveloper.security.cert;

import dev.tdeveloper.security.internal.KeyFiles;
import dev.tdeveloper.security.spi.CertificateIssuer;
import dev.tdeveloper.security.spi.CertificateRequest;
import dev.tdeveloper.tenancy.event.EventListener;
import dev.tdeveloper.tenancy.internal.Listeners;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.security.auth.x500.X500Principal;

/**
 * Configures a {@link CertificateRenewer}. Each setting may be set once (a repeat is an {@link
 * IllegalStateException}); listeners accumulate. Required: {@link #issuer}, {@link #file} and
 * {@link #names}. Not thread-safe; the built renewer is.
 */
public final class CertificateRenewerBuilder {
  /** The default validity requested: {@value #DEFAULT_VALIDITY_DAYS} days. */
  public static final long DEFAULT_VALIDITY_DAYS = 90;

  /** The default initial retry backoff, cert-manager's: 1 hour. */
  public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofHours(1);

  /** The default maximum retry backoff, cert-manager's: 32 hours. */
  public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofHours(32);

  /** What a built renewer holds. */
  record Config(
      CertificateIssuer issuer,
      Path file,
      CertificateRequest template,
      long numerator,
      long denominator,
      Duration initialBackoff,
      Duration maxBackoff,
      InstantSource clock,
      Runnable midway,
      Runnable afterReplace) {}

  private final List<EventListener<? super RenewalEvent>> listeners = new ArrayList<>();
  private CertificateIssuer issuer;
  private Path file;
  private String[] names;
  private X500Principal subject;
  private Duration validity;
  private long[] fraction;
  private Duration[] backoff;
  private InstantSource clock;
  private Runnable midway = () -> {};
  private Runnable afterReplace = () -> {};

  CertificateRenewerBuilder() {}

  /** Sets the CA that issues the certificates. */
  public CertificateRenewerBuilder issuer(CertificateIssuer issuer) {
    Objects.requireNonNull(issuer, "issuer");
    once(this.issuer, "issuer");
    this.issuer = issuer;
    return this;
  }

  /**
   * Sets the PEM file holding the key material (private key, then chain): read at the first renewal
   * check, replaced at each renewal, owner-only. Its directory must exist.
   */
  public CertificateRenewerBuilder file(Path file) {
    Objects.requireNonNull(file, "file");
    once(this.file, "file");
    this.file = file;
    return this;
  }

  /**
   * Sets the names to certify: DNS names ({@code localhost}, {@code *.example.com}) and IP address
   * literals ({@code 127.0.0.1}, {@code ::1}). The subject defaults to {@code CN=<first name>}.
   *
   * @throws IllegalArgumentException if none is given or one is not a host name or IP literal
   */
  public CertificateRenewerBuilder names(String... names) {
    Objects.requireNonNull(names, "names");
    once(this.names, "names");
    // Validates now, with a throwaway key, so a bad name is reported by the call that gave it.
    CertificateRequest.forKeyPair(KeyFiles.generateEcKeyPair(), Duration.ofDays(1), names);
    this.names = names.clone();
    return this;
  }

  /** Sets the subject of the certificates; defaults to {@code CN=<first name>}. */
  public CertificateRenewerBuilder subject(X500Principal subject) {
    Objects.requireNonNull(subject, "subject");
    once(this.subject, "subject");
    this.subject = subject;
    return this;
  }

  /**
   * Sets the validity to request; defaults to {@value #DEFAULT_VALIDITY_DAYS} days. The issuer may
   * grant less.
   *
   * @throws IllegalArgumentException if not positive
   */
  public CertificateRenewerBuilder validity(Duration validity) {
    Objects.requireNonNull(validity, "validity");
    once(this.validity, "validity");
    if (validity.isNegative() || validity.isZero()) {
      throw new IllegalArgumentException("validity must be positive, was " + validity);
    }
    this.validity = validity;
    return this;
  }

  /**
   * Sets the fraction of a certificate's lifetime after which it is renewed; defaults to 2/3
   * (cert-manager's rule: renew when a third of the lifetime is left).
   *
   * @throws IllegalArgumentException unless {@code 0 < numerator < denominator}
   */
  public CertificateRenewerBuilder renewalFraction(long numerator, long denominator) {
    once(this.fraction, "renewalFraction");
    if (numerator <= 0 || denominator <= numerator || denominator > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "renewalFraction must be between 0 and 1 exclusive (0 < numerator < denominator <= 2^31"
              + " - 1), was "
              + numerator
              + "/"
              + denominator);
    }
    this.fraction = new long[] {numerator, denominator};
    return this;
  }

  /**
   * Sets the backoff after a failed attempt: {@code initial}, doubled per further failure up to
   * {@code max}; defaults to {@link #DEFAULT_INITIAL_BACKOFF} and {@link #DEFAULT_MAX_BACKOFF}.
   *
   * @throws IllegalArgumentException if {@code initial} is not positive or exceeds {@code max}
   */
  public CertificateRenewerBuilder retryBackoff(Duration initial, Duration max) {
    Objects.requireNonNull(initial, "initial");
    Objects.requireNonNull(max, "max");
    once(this.backoff, "retryBackoff");
    if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException(
          "retryBackoff needs 0 < initial <= max, was initial " + initial + ", max " + max);
    }
    this.backoff = new Duration[] {initial, max};
    return this;
  }

  /** Sets the wall clock; defaults to {@link InstantSource#system()}. */
  public CertificateRenewerBuilder clock(InstantSource clock) {
    Objects.requireNonNull(clock, "clock");
    once(this.clock, "clock");
    this.clock = clock;
    return this;
  }

  /** Adds a listener of renewal attempts. */
  public CertificateRenewerBuilder listener(EventListener<? super RenewalEvent> listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
    return this;
  }

  /** Test hooks: half-way through writing the new file, and right after it replaced the old. */
  CertificateRenewerBuilder crashPoints(Runnable midway, Runnable afterReplace) {
    this.midway = Objects.requireNonNull(midway, "midway");
    this.afterReplace = Objects.requireNonNull(afterReplace, "afterReplace");
    return this;
  }

  /**
   * Builds the renewer (without reading the file yet).
   *
   * @throws IllegalStateException if the issuer, file or names are missing
   */
  public CertificateRenewer build() {
    List<String> missing = new ArrayList<>();
    if (issuer == null) {
      missing.add("issuer");
    }
    if (file == null) {
      missing.add("file");
    }
    if (names == null) {
      missing.add("names");
    }
    if (!missing.isEmpty()) {
      throw new IllegalStateException("a CertificateRenewer needs " + missing);
    }
    CertificateRequest template =
        CertificateRequest.forKeyPair(
            KeyFiles.generateEcKeyPair(),
            validity == null ? Duration.ofDays(DEFAULT_VALIDITY_DAYS) : validity,
            names);
    if (subject != null) {
      template =
          new CertificateRequest(
              subject,
              template.dnsNames(),
              template.ipAddresses(),
              template.key(),
              template.validity());
    }
    return new CertificateRenewer(
        new Config(
            issuer,
            file,
            template,
            fraction == null ? 2 : fraction[0],
            fraction == null ? 3 : fraction[1],
            backoff == null ? DEFAULT_INITIAL_BACKOFF : backoff[0],
            backoff == null ? DEFAULT_MAX_BACKOFF : backoff[1],
            clock == null ? InstantSource.system() : clock,
            midway,
            afterReplace),
        Listeners.of(listeners));
  }

  private static void once(Object current, String name) {
    if (current != null) {
      throw new IllegalStateException(name + " was already set");
    }
  }
}
