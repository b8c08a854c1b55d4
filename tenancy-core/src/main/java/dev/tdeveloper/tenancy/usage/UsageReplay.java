package dev.tdeveloper.tenancy.usage;

import dev.tdeveloper.tenancy.spi.UsageStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides which stored events a {@link UsageMeter} still uses: it computes the horizon before which
 * none is, and replays the rest into the meter's windows on start-up.
 */
final class UsageReplay {
  private static final Logger LOG = LoggerFactory.getLogger(UsageMeter.class);

  private UsageReplay() {}

  /**
   * Returns {@code now} minus {@code retention} minus the longest window-plus-grace of {@code
   * meters}: see {@link UsageMeter#storeHorizon()}.
   */
  static Instant storeHorizon(Collection<MeterDefinition> meters, Instant now, Duration retention) {
    Duration longest = Duration.ZERO;
    for (MeterDefinition meter : meters) {
      Duration span = meter.window().plus(meter.grace());
      longest = span.compareTo(longest) > 0 ? span : longest;
    }
    return now.minus(retention).minus(longest);
  }

  /**
   * Replays {@code store} into {@code index}, skipping events of unknown meters or lacking their
   * unique dimension (warned once per reason) and events of windows whose grace ended before {@code
   * horizon}; returns the counts, not yet published.
   */
  static UsageMeterEvent.ReplayCompleted replay(
      UsageStore store, Map<String, MeterDefinition> meters, WindowIndex index, Instant horizon) {
    long[] counts = new long[4];
    Set<String> warned = new HashSet<>();
    store.replay(
        event -> {
          MeterDefinition meter = meters.get(event.meter());
          String problem =
              meter == null
                  ? "meter '" + event.meter() + "' is not defined"
                  : meter
                      .uniqueDimension()
                      .filter(d -> !event.dimensions().containsKey(d))
                      .map(d -> "they lack dimension '" + d + "' of meter '" + event.meter() + "'")
                      .orElse(null);
          if (problem != null) {
            counts[2]++;
            if (warned.add(problem)) {
              LOG.warn("stored usage events are skipped because {}", problem);
            }
            return;
          }
          Instant start = meter.windowStart(event.timestamp());
          if (meter.graceEnd(start).isBefore(horizon)) {
            counts[3]++;
            return;
          }
          WindowState window = index.getOrCreate(event.tenant(), meter, start);
          counts[window.replay(event) ? 0 : 1]++;
        });
    return new UsageMeterEvent.ReplayCompleted(counts[0], counts[1], counts[2], counts[3]);
  }
}
