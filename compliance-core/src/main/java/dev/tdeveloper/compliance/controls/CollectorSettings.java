package dev.tdeveloper.compliance.controls;

import dev.tdeveloper.compliance.spi.EvidenceItem;
import dev.tdeveloper.compliance.spi.EvidencePeriod;
import dev.tdeveloper.compliance.spi.EvidenceResult;
import java.time.InstantSource;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/** A built-in collector's id, source, owner and clock, and the one way it writes an item. */
record CollectorSettings(String id, String source, String owner, InstantSource clock) {

  /** One collection: the population and result the collector found. */
  record Outcome(long populationSize, String populationDescription, EvidenceResult result) {}

  /**
   * Runs {@code body} and writes its outcome as an item; anything the inputs throw becomes an ERROR
   * item with the same source, owner and query, so collect never throws.
   */
  EvidenceItem collect(EvidencePeriod period, String query, Supplier<Outcome> body) {
    Objects.requireNonNull(period, "period");
    Outcome outcome;
    try {
      outcome = body.get();
    } catch (RuntimeException e) {
      outcome =
          new Outcome(
              0,
              "not determined: the collection failed",
              EvidenceResult.error("collection failed: " + describe(e), Map.of()));
    }
    return EvidenceItem.builder(id, period)
        .source(source)
        .owner(owner)
        .population(outcome.populationSize(), outcome.populationDescription())
        .query(query)
        .result(outcome.result())
        .collectedAt(clock.instant())
        .build();
  }

  /** Describes a failure in one bounded line with no control characters. */
  static String describe(Throwable e) {
    String message = e.getMessage() == null ? "(no message)" : e.getMessage();
    StringBuilder out = new StringBuilder(e.getClass().getSimpleName()).append(": ");
    for (int i = 0; i < message.length() && out.length() < 500; i++) {
      char c = message.charAt(i);
      out.append(Character.isISOControl(c) ? ' ' : c);
    }
    return out.toString();
  }
}
