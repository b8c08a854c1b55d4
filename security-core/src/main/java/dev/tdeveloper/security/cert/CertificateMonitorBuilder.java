package dev.tdeveloper.security.cert;

import dev.tdeveloper.tenancy.event.EventListener;
import dev.tdeveloper.tenancy.internal.Listeners;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Configures a {@link CertificateMonitor}. The clock and thresholds may each be set once (a repeat
 * is an {@link IllegalStateException}); sources and listeners accumulate. Not thread-safe; the
 * built monitor is.
 */
public final class CertificateMonitorBuilder {
  /** The default alert thresholds: 30, 14 and 7 days before the end of validity. */
  public static final List<Duration> DEFAULT_THRESHOLDS =
      List.of(Duration.ofDays(30), Duration.ofDays(14), Duration.ofDays(7));

  private final List<CertificateSource> sources = new ArrayList<>();
  private final Set<String> sourceNames = new HashSet<>();
  private final List<EventListener<? super CertificateEvent>> listeners = new ArrayList<>();
  private TreeSet<Duration> thresholds;
  private InstantSource clock;

  CertificateMonitorBuilder() {}

  /**
   * Adds a source to watch.
   *
   * @throws IllegalArgumentException if a source of the same name was added
   */
  public CertificateMonitorBuilder source(CertificateSource source) {
    Objects.requireNonNull(source, "source");
    if (!sourceNames.add(Objects.requireNonNull(source.name(), "source.name()"))) {
      throw new IllegalArgumentException("a source named " + source.name() + " was already added");
    }
    sources.add(source);
    return this;
  }

  /**
   * Sets the alert thresholds, the time before the end of validity at which to alert; defaults to
   * {@link #DEFAULT_THRESHOLDS}. The largest also marks a certificate {@code EXPIRING_SOON}.
   *
   * @throws IllegalArgumentException if none is given, one is not positive, or two are equal
   */
  public CertificateMonitorBuilder thresholds(Duration... thresholds) {
    Objects.requireNonNull(thresholds, "thresholds");
    if (this.thresholds != null) {
      throw new IllegalStateException("thresholds were already set");
    }
    if (thresholds.length == 0) {
      throw new IllegalArgumentException("thresholds must not be empty");
    }
    TreeSet<Duration> set = new TreeSet<>();
    for (Duration threshold : thresholds) {
      Objects.requireNonNull(threshold, "threshold");
      if (threshold.isNegative() || threshold.isZero()) {
        throw new IllegalArgumentException("thresholds must be positive, was " + threshold);
      }
      if (!set.add(threshold)) {
        throw new IllegalArgumentException("threshold " + threshold + " was given twice");
      }
    }
    this.thresholds = set;
    return this;
  }

  /** Sets the wall clock; defaults to {@link InstantSource#system()}. */
  public CertificateMonitorBuilder clock(InstantSource clock) {
    Objects.requireNonNull(clock, "clock");
    if (this.clock != null) {
      throw new IllegalStateException("clock was already set");
    }
    this.clock = clock;
    return this;
  }

  /** Adds a listener of checks, alerts and source failures. */
  public CertificateMonitorBuilder listener(EventListener<? super CertificateEvent> listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
    return this;
  }

  /**
   * Builds the monitor (without checking yet).
   *
   * @throws IllegalStateException if no source was added
   */
  public CertificateMonitor build() {
    if (sources.isEmpty()) {
      throw new IllegalStateException("at least one certificate source is required");
    }
    return new CertificateMonitor(
        sources,
        thresholds == null ? new TreeSet<>(DEFAULT_THRESHOLDS) : new TreeSet<>(thresholds),
        clock == null ? InstantSource.system() : clock,
        Listeners.of(listeners));
  }
}
