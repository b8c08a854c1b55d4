package dev.tdeveloper.observability.slo;

/** What an SLO's indicator counts, in OpenSLO's terms. */
public enum SliKind {
  /** A ratio of good to total events, the caller deciding whether each event is good. */
  RATIO,
  /** An event is good when its latency is at most the SLO's latency threshold. */
  LATENCY
}
