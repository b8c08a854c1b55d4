package dev.tdeveloper.cost.usage;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What {@link MeteringUsageAdapter} made of a set of meter windows: the usage records, and the
 * windows of meters it has no mapping for (skipped, when so configured), counted per meter so an
 * operator sees what was left out.
 *
 * <p>Immutable and thread-safe.
 *
 * @param records the records, in {@link UsageRecords#ORDER}
 * @param skippedWindows for each unmapped meter, how many windows were skipped
 */
public record MeteringResult(List<UsageRecord> records, SortedMap<String, Integer> skippedWindows) {
  /** Copies. */
  public MeteringResult {
    records = List.copyOf(Objects.requireNonNull(records, "records"));
    skippedWindows =
        Collections.unmodifiableSortedMap(
            new TreeMap<>(Objects.requireNonNull(skippedWindows, "skippedWindows")));
  }

  /**
   * Whether every window was turned into usage.
   *
   * @return true when nothing was skipped
   */
  public boolean complete() {
    return skippedWindows.isEmpty();
  }
}
