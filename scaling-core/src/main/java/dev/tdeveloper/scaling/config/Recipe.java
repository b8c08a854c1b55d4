package dev.tdeveloper.scaling.config;

import dev.tdeveloper.scaling.autoscale.Autoscaler;
import dev.tdeveloper.scaling.autoscale.Metric;
import dev.tdeveloper.scaling.autoscale.ReplicaBounds;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * How to build one autoscaler of the file, from values already validated: each {@link #build()}
 * gives a fresh instance with its own state. Immutable and thread-safe.
 *
 * @param bounds the autoscaler's replica range
 * @param metrics the metrics it reads
 * @param factory builds a new instance
 */
record Recipe(ReplicaBounds bounds, Set<Metric> metrics, Supplier<Autoscaler> factory) {
  Recipe {
    metrics = metrics.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(metrics));
  }

  Autoscaler build() {
    return factory.get();
  }
}
