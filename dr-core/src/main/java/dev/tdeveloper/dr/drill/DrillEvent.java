package dev.tdeveloper.dr.drill;

import dev.tdeveloper.dr.spi.BackupScope;
import java.time.Instant;
import java.util.Objects;

/**
 * What a {@link RestoreDrill} tells its listeners: a drill started, passed or failed. Immutable and
 * thread-safe.
 */
public sealed interface DrillEvent {
  /** Returns whose data the drill is about. */
  BackupScope scope();

  /** Returns the source drilled. */
  String source();

  /**
   * A drill started.
   *
   * @param scope whose data is drilled
   * @param source the source drilled
   * @param selection how the backup is selected
   * @param at when the drill started
   */
  record Started(BackupScope scope, String source, DrillSelection selection, Instant at)
      implements DrillEvent {
    /** Checks that no field is null. */
    public Started {
      Objects.requireNonNull(scope, "scope");
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(selection, "selection");
      Objects.requireNonNull(at, "at");
    }
  }

  /**
   * A drill finished, passed or failed: its scope and source are its result's. Lets a listener
   * handle both outcomes by their {@link #result()}.
   */
  sealed interface Finished extends DrillEvent permits Passed, Failed {
    /** Returns the drill's result. */
    DrillResult result();

    @Override
    default BackupScope scope() {
      return result().scope();
    }

    @Override
    default String source() {
      return result().source();
    }
  }

  /**
   * A drill passed: the backup restored, verified and validated.
   *
   * @param result the drill's result
   */
  record Passed(DrillResult result) implements Finished {
    /** Checks that the result is a pass. */
    public Passed {
      if (!Objects.requireNonNull(result, "result").succeeded()) {
        throw new IllegalArgumentException("DrillEvent.Passed needs a result that succeeded");
      }
    }
  }

  /**
   * A drill failed; {@link DrillResult#failureReason()} says why.
   *
   * @param result the drill's result
   */
  record Failed(DrillResult result) implements Finished {
    /** Checks that the result is a failure. */
    public Failed {
      if (Objects.requireNonNull(result, "result").succeeded()) {
        throw new IllegalArgumentException("DrillEvent.Failed needs a result that failed");
      }
    }
  }
}
