package dev.tdeveloper.scaling.control;

import dev.tdeveloper.scaling.autoscale.ScalingDecision;
import java.time.Instant;
import java.util.Objects;

/**
 * What a {@link ScalingController} publishes to its listeners: each decision, each scale request,
 * each failure, and alerts as they are raised and resolved (on transitions only).
 */
public sealed interface ScalingEvent {
  /**
   * When it happened.
   *
   * @return the controller clock's time
   */
  Instant time();

  /**
   * The workload it concerns.
   *
   * @return the backend's workload name
   */
  String workload();

  /**
   * The autoscaler decided.
   *
   * @param time when
   * @param workload the workload
   * @param decision the decision with its reasons
   */
  record Decided(Instant time, String workload, ScalingDecision decision) implements ScalingEvent {
    /** Validates. */
    public Decided {
      Objects.requireNonNull(time, "time");
      Objects.requireNonNull(workload, "workload");
      Objects.requireNonNull(decision, "decision");
    }
  }

  /**
   * The backend was asked for a new count.
   *
   * @param time when
   * @param workload the workload
   * @param from the desired count before
   * @param to the desired count asked for
   */
  record Scaled(Instant time, String workload, int from, int to) implements ScalingEvent {
    /** Validates. */
    public Scaled {
      Objects.requireNonNull(time, "time");
      Objects.requireNonNull(workload, "workload");
    }
  }

  /**
   * A step of the loop failed; the loop goes on.
   *
   * @param time when
   * @param workload the workload
   * @param stage {@code "observe"}, {@code "decide"} or {@code "scale"}
   * @param error the exception's class and message
   */
  record Failed(Instant time, String workload, String stage, String error) implements ScalingEvent {
    /** Validates. */
    public Failed {
      Objects.requireNonNull(time, "time");
      Objects.requireNonNull(workload, "workload");
      Objects.requireNonNull(stage, "stage");
      Objects.requireNonNull(error, "error");
    }
  }

  /**
   * An alert condition started.
   *
   * @param time when
   * @param workload the workload
   * @param alert the alert
   */
  record AlertRaised(Instant time, String workload, ScalingAlert alert) implements ScalingEvent {
    /** Validates. */
    public AlertRaised {
      Objects.requireNonNull(time, "time");
      Objects.requireNonNull(workload, "workload");
      Objects.requireNonNull(alert, "alert");
    }
  }

  /**
   * An alert condition ended.
   *
   * @param time when
   * @param workload the workload
   * @param alert the alert as it was raised
   */
  record AlertResolved(Instant time, String workload, ScalingAlert alert) implements ScalingEvent {
    /** Validates. */
    public AlertResolved {
      Objects.requireNonNull(time, "time");
      Objects.requireNonNull(workload, "workload");
      Objects.requireNonNull(alert, "alert");
    }
  }
}
