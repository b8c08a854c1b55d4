package dev.tdeveloper.scaling.control;

import java.time.Instant;
import java.util.Objects;

/**
 * An active scaling alert: what is wrong, since when, and the numbers.
 *
 * @param kind which condition
 * @param since when the condition was found
 * @param detail the numbers in words
 */
public record ScalingAlert(Kind kind, Instant since, String detail) {
  /** Validates. */
  public ScalingAlert {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(since, "since");
    Objects.requireNonNull(detail, "detail");
  }

  /** The conditions {@link ScalingAlerts} watches. */
  public enum Kind {
    /** The workload has wanted the maximum replica count for longer than allowed. */
    AT_MAX_REPLICAS("scaling.at-max-replicas"),
    /** Decisions keep changing direction. */
    FLAPPING("scaling.flapping"),
    /** The metrics the autoscaler needs are missing or invalid. */
    METRICS_MISSING("scaling.metrics-missing");

    private final String code;

    Kind(String code) {
      this.code = code;
    }

    /**
     * The stable code in events and JSON.
     *
     * @return {@code "scaling.at-max-replicas"}, {@code "scaling.flapping"} or {@code
     *     "scaling.metrics-missing"}
     */
    public String code() {
      return code;
    }
  }
}
