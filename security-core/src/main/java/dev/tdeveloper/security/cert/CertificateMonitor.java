package dev.tdeveloper.security.cert;

import dev.tdeveloper.tenancy.internal.Listeners;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the expiry of certificates: each {@link #check()} reads every {@link CertificateSource},
 * reports each certificate's time left ({@link CertificateStatus}), and publishes {@link
 * CertificateEvent}s: {@code Checked} for every certificate, {@code ExpiringSoon} once per
 * certificate and alert threshold (defaults 30, 14 and 7 days), {@code Expired} once per
 * certificate, {@code SourceFailed} for each source that cannot be read. A certificate is
 * identified by source, entry and fingerprint, so a renewed certificate is alerted afresh.
 *
 * <p>Check on demand, or {@link #schedule} checks on an executor. Time comes from the injected
 * {@link InstantSource}. Thread-safe: checks are serialized, and listeners run on the checking
 * thread after the check's bookkeeping is done.
 */
public final class CertificateMonitor {
  private static final Logger LOG = LoggerFactory.getLogger(CertificateMonitor.class);

  private final List<CertificateSource> sources;
  private final NavigableSet<Duration> thresholds;
  private final InstantSource clock;
  private final Listeners<CertificateEvent> listeners;
  private final ReentrantLock lock = new ReentrantLock();

  /** Per certificate key, the thresholds already alerted; {@link Duration#ZERO} marks expiry. */
  private Map<String, NavigableSet<Duration>> alerted = new HashMap<>();

  private volatile CertificateReport lastReport;

  CertificateMonitor(
      List<CertificateSource> sources,
      NavigableSet<Duration> thresholds,
      InstantSource clock,
      Listeners<CertificateEvent> listeners) {
    this.sources = List.copyOf(sources);
    this.thresholds = thresholds;
    this.clock = clock;
    this.listeners = listeners;
  }

  /** Returns a builder; at least one source is required. */
  public static CertificateMonitorBuilder builder() {
    return new CertificateMonitorBuilder();
  }

  /** Returns the alert thresholds, largest first. */
  public List<Duration> thresholds() {
    return List.copyOf(thresholds.descendingSet());
  }

  /**
   * Checks every source now and publishes the events the check calls for. Never throws for an
   * unreadable source: that is reported in the result and as {@link CertificateEvent.SourceFailed}.
   */
  public CertificateReport check() {
    List<CertificateEvent> events = new ArrayList<>();
    CertificateReport report;
    lock.lock();
    try {
      Instant now = clock.instant();
      List<CertificateStatus> statuses = new ArrayList<>();
      Map<String, String> failures = new LinkedHashMap<>();
      Map<String, NavigableSet<Duration>> stillSeen = new HashMap<>();
      for (CertificateSource source : sources) {
        Map<String, X509Certificate> certificates;
        try {
          certificates = source.load();
        } catch (RuntimeException e) {
          String reason = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
          failures.put(source.name(), reason);
          events.add(new CertificateEvent.SourceFailed(source.name(), reason));
          keepAlertsOf(source.name(), stillSeen);
          continue;
        }
        certificates.forEach(
            (entry, certificate) -> {
              CertificateStatus status =
                  CertificateStatus.of(source.name(), entry, certificate, now, thresholds.last());
              statuses.add(status);
              events.add(new CertificateEvent.Checked(status));
              alert(status, stillSeen, events);
            });
      }
      alerted = stillSeen;
      report = new CertificateReport(now, statuses, failures);
      lastReport = report;
    } finally {
      lock.unlock();
    }
    events.forEach(listeners::publish);
    return report;
  }

  /** Returns the result of the latest check, if any ran. */
  public Optional<CertificateReport> lastReport() {
    return Optional.ofNullable(lastReport);
  }

  /**
   * Checks every {@code period} on {@code executor}, the first time after {@code initialDelay}; an
   * unexpected failure of one check is logged and does not stop the next. Cancel the returned
   * future (or shut the executor down) to stop.
   *
   * @throws IllegalArgumentException if {@code period} is not positive or {@code initialDelay} is
   *     negative
   */
  public ScheduledFuture<?> schedule(
      ScheduledExecutorService executor, Duration initialDelay, Duration period) {
    Objects.requireNonNull(executor, "executor");
    if (initialDelay.isNegative()) {
      throw new IllegalArgumentException("initialDelay must not be negative, was " + initialDelay);
    }
    if (period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("period must be positive, was " + period);
    }
    return executor.scheduleWithFixedDelay(
        () -> {
          try {
            check();
          } catch (RuntimeException e) {
            LOG.warn("certificate check failed", e);
          }
        },
        initialDelay.toNanos(),
        period.toNanos(),
        TimeUnit.NANOSECONDS);
  }

  /** Records and queues the alerts {@code status} calls for; keys it as still seen. */
  private void alert(
      CertificateStatus status,
      Map<String, NavigableSet<Duration>> stillSeen,
      List<CertificateEvent> events) {
    String key = status.source() + '\n' + status.entry() + '\n' + status.sha256Fingerprint();
    NavigableSet<Duration> done = alerted.getOrDefault(key, new TreeSet<>());
    stillSeen.put(key, done);
    switch (status.state()) {
      case EXPIRED -> {
        if (done.add(Duration.ZERO)) {
          done.addAll(thresholds);
          events.add(new CertificateEvent.Expired(status));
        }
      }
      case EXPIRING_SOON -> {
        NavigableSet<Duration> crossed = thresholds.tailSet(status.timeLeft(), true);
        Duration smallest = crossed.first();
        if (!done.contains(smallest)) {
          events.add(new CertificateEvent.ExpiringSoon(status, smallest));
        }
        done.addAll(crossed);
      }
      case VALID, NOT_YET_VALID -> {}
    }
  }

  /** Keeps the alert records of an unreadable source, so it is not alerted afresh once readable. */
  private void keepAlertsOf(String source, Map<String, NavigableSet<Duration>> stillSeen) {
    alerted.forEach(
        (key, done) -> {
          if (key.startsWith(source + '\n')) {
            stillSeen.put(key, done);
          }
        });
  }

  @Override
  public String toString() {
    return "CertificateMonitor[sources=" + sources + ", thresholds=" + thresholds() + "]";
  }
}
