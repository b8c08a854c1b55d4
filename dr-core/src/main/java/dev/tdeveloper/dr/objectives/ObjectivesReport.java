package dev.tdeveloper.dr.objectives;

import dev.tdeveloper.dr.spi.BackupScope;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot of every tracked source's objectives, sorted by scope and source. Immutable and
 * thread-safe.
 *
 * @param at when it was taken
 * @param statuses one per scope and source
 */
public record ObjectivesReport(Instant at, List<ObjectiveStatus> statuses) {
  /** Copies the list. */
  public ObjectivesReport {
    Objects.requireNonNull(at, "at");
    statuses = List.copyOf(statuses);
  }

  /** Returns the statuses of one scope only. */
  public List<ObjectiveStatus> of(BackupScope scope) {
    Objects.requireNonNull(scope, "scope");
    return statuses.stream().filter(s -> s.scope().equals(scope)).toList();
  }

  /** Returns the status of one source in one scope, if tracked. */
  public Optional<ObjectiveStatus> find(BackupScope scope, String source) {
    return of(scope).stream().filter(s -> s.source().equals(source)).findFirst();
  }

  /** Returns whether any tracked objective is breached. */
  public boolean anyBreached() {
    return statuses.stream().anyMatch(s -> s.rpoBreached() || s.rtoBreached());
  }
}
