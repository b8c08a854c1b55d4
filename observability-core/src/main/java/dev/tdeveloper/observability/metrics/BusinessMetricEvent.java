package dev.tdeveloper.observability.metrics;

/**
 * What {@link BusinessMetrics} tells its listeners as series come and go, so that a bridge (such as
 * the Micrometer one) mirrors exactly the series of a snapshot and reads their values with {@link
 * BusinessMetrics#value}. Published on the recording thread, or on the thread whose call re-ranked
 * the {@link TenantCardinalityGuard}. Immutable.
 */
public sealed interface BusinessMetricEvent {
  /** Returns the metric concerned. */
  MetricDefinition metric();

  /** Returns the tag value concerned: a tenant id or {@value TenantCardinalityGuard#OTHER}. */
  String tag();

  /**
   * A series appeared, starting at zero, on its first recording.
   *
   * @param metric the metric
   * @param tag the tag value
   */
  record SeriesAdded(MetricDefinition metric, String tag) implements BusinessMetricEvent {}

  /**
   * A tenant lost its own tag: its series was removed and its value added to {@code other}'s.
   *
   * @param metric the metric
   * @param tag the removed tag value
   * @param folded the value moved into {@code other}
   */
  record SeriesRemoved(MetricDefinition metric, String tag, double folded)
      implements BusinessMetricEvent {}
}
