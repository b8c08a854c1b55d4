package dev.tdeveloper.compliance.controls;

import dev.tdeveloper.compliance.spi.EvidenceCollector;
import dev.tdeveloper.compliance.spi.EvidenceItem;
import dev.tdeveloper.compliance.spi.EvidencePeriod;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * What every built-in collector shares: its id and owner from its settings, its fixed controls, and
 * the one way it collects, so that a collector only says what it asked ({@link #query}) and what it
 * found ({@link #measure}). Whatever {@code measure} throws becomes an ERROR item. Immutable and
 * thread-safe if the subclass's inputs are.
 */
abstract class BuiltInCollector implements EvidenceCollector {
  private final CollectorSettings settings;
  private final Set<String> controls;

  BuiltInCollector(CollectorSettings settings, Set<String> controls) {
    this.settings = settings;
    this.controls = controls;
  }

  @Override
  public final String id() {
    return settings.id();
  }

  @Override
  public final Set<String> controlIds() {
    return controls;
  }

  @Override
  public final EvidenceItem collect(EvidencePeriod period) {
    Objects.requireNonNull(period, "period");
    return settings.collect(period, query(period), () -> measure(period));
  }

  /**
   * Returns how the evidence for {@code period} is gathered, written into the item as its query.
   */
  abstract String query(EvidencePeriod period);

  /** Gathers the population and judges it; may throw, which gives an ERROR item. */
  abstract CollectorSettings.Outcome measure(EvidencePeriod period);

  /** Returns the collection time from the collector's clock. */
  final Instant now() {
    return settings.clock().instant();
  }
}
