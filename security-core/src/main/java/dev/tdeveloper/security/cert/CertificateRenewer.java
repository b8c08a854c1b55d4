package dev.tdeveloper.security.cert;

import dev.tdeveloper.security.internal.KeyFiles;
import dev.tdeveloper.security.spi.CertificateIssuer;
import dev.tdeveloper.security.spi.CertificateIssuerException;
import dev.tdeveloper.security.spi.CertificateRequest;
import dev.tdeveloper.security.spi.IssuedCertificate;
import dev.tdeveloper.security.tls.ServerKeyMaterial;
import dev.tdeveloper.tenancy.event.EventListener;
import dev.tdeveloper.tenancy.internal.Listeners;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a TLS server's key material fresh, as cert-manager does: once a fraction of the current
 * certificate's lifetime has passed (two thirds by default), {@link #renewIfDue()} generates a new
 * EC P-256 key, asks the {@link CertificateIssuer} for a certificate, and replaces the key material
 * file (the PKCS#8 key, then the chain, in one PEM file) atomically and owner-only: a crash leaves
 * the old or the new material whole. Listeners get {@link RenewalEvent}s; on {@link
 * RenewalEvent.Succeeded} a server swaps its {@code SSLContext} without a restart.
 *
 * <p>A failed attempt changes nothing, publishes {@link RenewalEvent.Failed} and is retried no
 * sooner than a backoff that doubles from the initial one up to the maximum (by default
 * cert-manager's 1 hour to 32 hours), at the next call after it. Drive it with {@link #schedule},
 * or from a {@link CertificateMonitor} with {@link #monitorListener()}. The file is read at the
 * first call and then owned by the renewer. Time comes from the injected {@link InstantSource}.
 *
 * <p>Thread-safe: renewals are serialized; listeners run on the renewing thread.
 */
public final class CertificateRenewer {
  private static final Logger LOG = LoggerFactory.getLogger(CertificateRenewer.class);

  /** What a call did. */
  public enum Outcome {
    /** The current certificate is not due yet. */
    NOT_DUE,
    /** New key material is in use. */
    RENEWED,
    /** An attempt failed; see {@link RenewalEvent.Failed}. */
    FAILED,
    /** Renewal is due but a failed attempt's backoff has not passed. */
    WAITING_TO_RETRY
  }

  private final CertificateRenewerBuilder.Config config;
  private final Listeners<RenewalEvent> listeners;
  private final ReentrantLock lock = new ReentrantLock();

  private boolean loaded;
  private String unreadable; // why the file could not be loaded, when it exists but is unusable
  private volatile ServerKeyMaterial current;
  private final RenewalBackoff backoff;
  private volatile String lastFailure = "no attempt yet";

  CertificateRenewer(CertificateRenewerBuilder.Config config, Listeners<RenewalEvent> listeners) {
    this.config = config;
    this.listeners = listeners;
    this.backoff = new RenewalBackoff(config.initialBackoff(), config.maxBackoff());
  }

  /** Returns a builder; the issuer, file and names are required. */
  public static CertificateRenewerBuilder builder() {
    return new CertificateRenewerBuilder();
  }

  /**
   * Returns when {@code certificate} is due for renewal: {@code notBefore + ceil(lifetime *
   * fraction)}, to the nanosecond.
   */
  public Instant renewAt(X509Certificate certificate) {
    Instant notBefore = certificate.getNotBefore().toInstant();
    Duration lifetime = Duration.between(notBefore, certificate.getNotAfter().toInstant());
    BigInteger nanos =
        BigInteger.valueOf(lifetime.getSeconds())
            .multiply(BigInteger.valueOf(1_000_000_000L))
            .add(BigInteger.valueOf(lifetime.getNano()))
            .multiply(BigInteger.valueOf(config.numerator()));
    BigInteger[] split =
        nanos
            .add(BigInteger.valueOf(config.denominator() - 1))
            .divide(BigInteger.valueOf(config.denominator()))
            .divideAndRemainder(BigInteger.valueOf(1_000_000_000L));
    return notBefore.plusSeconds(split[0].longValueExact()).plusNanos(split[1].longValue());
  }

  /** Returns the key material in use, once loaded or issued. */
  public Optional<ServerKeyMaterial> current() {
    return Optional.ofNullable(current);
  }

  /** Returns the key material file. */
  public Path file() {
    return config.file();
  }

  /** Returns a {@link CertificateSource} of the file, for a {@link CertificateMonitor}. */
  public CertificateSource source() {
    return CertificateSource.pemFile(config.file());
  }

  /**
   * Renews if due (see {@link #renewIfDue()}) and returns the key material in use: the current one
   * when a renewal failed but it is still there, so a server can start.
   *
   * @throws CertificateRenewalException if there is no usable material and issuing failed
   */
  public ServerKeyMaterial ensureCurrent() {
    renewIfDue();
    ServerKeyMaterial material = current;
    if (material == null) {
      throw new CertificateRenewalException(
          "no usable key material in " + config.file() + ": " + lastFailure);
    }
    return material;
  }

  /**
   * Renews when the file is missing or unusable, or the current certificate's renewal point has
   * passed, unless a failed attempt's backoff has not; never throws for a failed attempt.
   */
  public Outcome renewIfDue() {
    return run(false);
  }

  /** Renews now, whether due or not, unless a failed attempt's backoff has not passed. */
  public Outcome renewNow() {
    return run(true);
  }

  /**
   * Returns a listener for a {@link CertificateMonitor} watching {@link #source()}: each check of
   * the file's leaf certificate calls {@link #renewIfDue()}.
   */
  public EventListener<CertificateEvent> monitorListener() {
    String name = source().name();
    return event -> {
      if (event instanceof CertificateEvent.Checked checked
          && checked.status().source().equals(name)
          && checked.status().entry().equals("#0")) {
        renewIfDue();
      }
    };
  }

  /**
   * Calls {@link #renewIfDue()} every {@code period} on {@code executor}, the first time at once;
   * an unexpected failure is logged and does not stop the next. Cancel the future to stop.
   *
   * @throws IllegalArgumentException if {@code period} is not positive
   */
  public ScheduledFuture<?> schedule(ScheduledExecutorService executor, Duration period) {
    Objects.requireNonNull(executor, "executor");
    if (period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("period must be positive, was " + period);
    }
    return executor.scheduleWithFixedDelay(
        () -> {
          try {
            renewIfDue();
          } catch (RuntimeException e) {
            LOG.warn("certificate renewal of {} failed", config.file(), e);
          }
        },
        0,
        period.toNanos(),
        TimeUnit.NANOSECONDS);
  }

  private Outcome run(boolean requested) {
    List<RenewalEvent> events = new ArrayList<>();
    Outcome outcome;
    lock.lock();
    try {
      Instant now = config.clock().instant();
      if (!loaded) {
        load();
      }
      RenewalEvent.Trigger trigger = trigger(now, requested);
      if (trigger == null) {
        outcome = Outcome.NOT_DUE;
      } else if (backoff.waiting(now)) {
        outcome = Outcome.WAITING_TO_RETRY;
      } else {
        outcome = attempt(trigger, now, events);
      }
    } finally {
      lock.unlock();
    }
    events.forEach(listeners::publish);
    return outcome;
  }

  private void load() {
    loaded = true;
    if (!Files.exists(config.file())) {
      return;
    }
    try {
      current = ServerKeyMaterial.fromPem(config.file(), config.file());
    } catch (CertificateReadException e) {
      unreadable = e.getMessage();
      lastFailure = unreadable;
    }
  }

  private RenewalEvent.Trigger trigger(Instant now, boolean requested) {
    if (current == null) {
      return unreadable == null ? RenewalEvent.Trigger.MISSING : RenewalEvent.Trigger.UNREADABLE;
    }
    if (requested) {
      return RenewalEvent.Trigger.REQUESTED;
    }
    return now.isBefore(renewAt(current.certificate())) ? null : RenewalEvent.Trigger.DUE;
  }

  private Outcome attempt(RenewalEvent.Trigger trigger, Instant now, List<RenewalEvent> events) {
    int attempt = backoff.nextAttemptNumber();
    Path file = config.file();
    events.add(new RenewalEvent.Started(file, trigger, attempt));
    try {
      KeyPair keys = KeyFiles.generateEcKeyPair();
      IssuedCertificate issued =
          config.issuer().issue(config.template().withKey(new CertificateRequest.Key.Pair(keys)));
      PrivateKey key =
          issued
              .privateKey()
              .orElseThrow(() -> new CertificateIssuerException("the issuer returned no key"));
      ServerKeyMaterial fresh = ServerKeyMaterial.of(key, issued.chain(), config.issuer().name());
      Instant renewAt = renewAt(fresh.certificate());
      if (!now.isBefore(renewAt)) {
        throw new CertificateIssuerException(
            "the issued certificate would be due for renewal at once (valid "
                + fresh.certificate().getNotBefore().toInstant()
                + " to "
                + fresh.certificate().getNotAfter().toInstant()
                + ")");
      }
      KeyFiles.replacePrivate(file, KeyFiles.pem(key, issued.chain()), config.midway());
      config.afterReplace().run();
      current = ServerKeyMaterial.fromPem(file, file);
      unreadable = null;
      backoff.succeeded();
      events.add(new RenewalEvent.Succeeded(file, current, renewAt));
      return Outcome.RENEWED;
    } catch (RuntimeException | IOException e) {
      String reason =
          e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
      lastFailure = reason;
      Instant nextAttempt = backoff.failed(now);
      events.add(
          new RenewalEvent.Failed(
              file,
              trigger,
              attempt,
              reason,
              nextAttempt,
              current().map(m -> m.certificate().getNotAfter().toInstant())));
      return Outcome.FAILED;
    }
  }

  @Override
  public String toString() {
    return "CertificateRenewer["
        + config.file()
        + ", issuer "
        + config.issuer().name()
        + ", names "
        + config.template().names()
        + ", at "
        + config.numerator()
        + "/"
        + config.denominator()
        + " of the lifetime]";
  }
}
