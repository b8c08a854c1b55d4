package dev.tdeveloper.dr.runbook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tdeveloper.dr.DrException;
import dev.tdeveloper.tenancy.internal.JournalFile;
import dev.tdeveloper.tenancy.internal.JsonRecords;
import dev.tdeveloper.tenancy.internal.RecordFormat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The durable journal of one run: every {@link RunbookEvent} as a framed JSON record, forced to
 * disk before the run moves on, and the {@link State} a resumed run continues from. Not
 * thread-safe: one execution owns it (the file is locked while open).
 */
final class RunJournal implements AutoCloseable {
  private static final RecordFormat FORMAT =
      RecordFormat.crc32c("DRRUNBK1".getBytes(StandardCharsets.US_ASCII), 64 * 1024);
  private static final int VERSION = 1;

  /** What the journal says about a run so far. */
  static final class State {
    boolean started;
    String runbook;
    List<String> steps = List.of();
    final Set<String> completed = new LinkedHashSet<>();
    Optional<String> inProgress = Optional.empty();
    Optional<String> failedStep = Optional.empty();
    String failure = "";
    final Set<String> rolledBack = new LinkedHashSet<>();
    final List<String> rollbackOrder = new ArrayList<>();
    Optional<RunbookOutcome> outcome = Optional.empty();
    Instant finishedAt;

    void apply(String kind, Optional<String> step, String detail, JsonNode node, Instant at) {
      switch (RunbookEvent.Kind.valueOf(kind)) {
        case RUN_STARTED -> {
          started = true;
          runbook = JsonRecords.text(node, "runbook");
          steps = JsonRecords.strings(JsonRecords.required(node, "steps"));
        }
        case STEP_STARTED -> inProgress = step;
        case STEP_COMPLETED -> {
          completed.add(step.orElseThrow());
          inProgress = Optional.empty();
        }
        case STEP_FAILED -> {
          failedStep = step;
          failure = detail;
          inProgress = Optional.empty();
        }
        case ROLLBACK_COMPLETED, ROLLBACK_SKIPPED -> {
          rolledBack.add(step.orElseThrow());
          if (kind.equals("ROLLBACK_COMPLETED")) {
            rollbackOrder.add(step.orElseThrow());
          }
        }
        case RUN_FINISHED -> {
          outcome = Optional.of(RunbookOutcome.valueOf(JsonRecords.text(node, "outcome")));
          finishedAt = at;
        }
        default -> {
          // the other events are log only
        }
      }
    }
  }

  private final JournalFile file;
  private final State state = new State();

  private RunJournal(Path path) {
    this.file =
        JournalFile.open(
            path,
            FORMAT,
            "runbook journal",
            (offset, payload) -> {
              try {
                JsonNode node = JsonRecords.parse(payload, VERSION);
                state.apply(
                    JsonRecords.text(node, "kind"),
                    JsonRecords.optional(node, "step"),
                    JsonRecords.text(node, "detail"),
                    node,
                    Instant.parse(JsonRecords.text(node, "at")));
              } catch (RuntimeException e) {
                throw new DrException(
                    "runbook journal "
                        + path
                        + " has a malformed record at offset "
                        + offset
                        + ": "
                        + e.getMessage(),
                    e);
              }
            },
            DrException::new);
  }

  /** Opens (or creates) the journal of a run and replays it. */
  static RunJournal open(Path path) {
    return new RunJournal(path);
  }

  /** Returns the state replayed on open, updated by every append since. */
  State state() {
    return state;
  }

  /**
   * Appends an event durably and applies it to the state; {@code steps} is written with {@code
   * RUN_STARTED}, {@code outcome} with {@code RUN_FINISHED}.
   */
  void append(RunbookEvent event, List<String> steps, Optional<RunbookOutcome> outcome) {
    ObjectNode node = JsonRecords.object(VERSION);
    node.put("runbook", event.runbook());
    node.put("kind", event.kind().name());
    event.step().ifPresent(s -> node.put("step", s));
    node.put("detail", event.detail());
    node.put("at", event.at().toString());
    if (event.kind() == RunbookEvent.Kind.RUN_STARTED) {
      var array = node.putArray("steps");
      steps.forEach(array::add);
    }
    outcome.ifPresent(o -> node.put("outcome", o.name()));
    file.append(JsonRecords.bytes(node, () -> "runbook event " + event.kind()));
    state.apply(event.kind().name(), event.step(), event.detail(), node, event.at());
  }

  @Override
  public void close() {
    file.close();
  }
}
