package dev.tdeveloper.dr.runbook;

import dev.tdeveloper.tenancy.event.EventListener;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Configures a {@link DrRunbook}: at least one step, unique step names, and a journal directory
 * (required). Not thread-safe; the built runbook does not change when the builder does.
 */
public final class DrRunbookBuilder {
  private final String name;
  private final List<RunbookStep> steps = new ArrayList<>();
  private final List<EventListener<? super RunbookEvent>> listeners = new ArrayList<>();
  private Path journalDirectory;
  private InstantSource clock;

  DrRunbookBuilder(String name) {
    this.name = name;
  }

  /**
   * Appends a step; steps run in the order added.
   *
   * @throws IllegalArgumentException if a step of the same name was added already
   */
  public DrRunbookBuilder step(RunbookStep step) {
    Objects.requireNonNull(step, "step");
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).name().equals(step.name())) {
        throw new IllegalArgumentException(
            "runbook '"
                + name
                + "' has a step named '"
                + step.name()
                + "' already (step "
                + (i + 1)
                + "); step names must be unique");
      }
    }
    steps.add(step);
    return this;
  }

  /** Sets the directory of the run journals ({@code <runId>.run}); created if missing. Required. */
  public DrRunbookBuilder journalDirectory(Path journalDirectory) {
    if (this.journalDirectory != null) {
      throw new IllegalStateException("journalDirectory was already set");
    }
    this.journalDirectory = Objects.requireNonNull(journalDirectory, "journalDirectory");
    return this;
  }

  /** Sets the clock of event times; defaults to the system's. */
  public DrRunbookBuilder clock(InstantSource clock) {
    if (this.clock != null) {
      throw new IllegalStateException("clock was already set");
    }
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /** Adds a listener of the execution log; listeners are called in the order added. */
  public DrRunbookBuilder listener(EventListener<? super RunbookEvent> listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
    return this;
  }

  /**
   * Builds the runbook.
   *
   * @throws IllegalStateException if it has no steps or no journal directory
   */
  public DrRunbook build() {
    if (steps.isEmpty()) {
      throw new IllegalStateException("runbook '" + name + "' has no steps; add at least one");
    }
    if (journalDirectory == null) {
      throw new IllegalStateException("runbook '" + name + "' needs a journalDirectory");
    }
    return new DrRunbook(
        name,
        steps,
        journalDirectory,
        clock == null ? InstantSource.system() : clock,
        List.copyOf(listeners));
  }
}
