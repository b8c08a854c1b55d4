package dev.tdeveloper.compliance.privacy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What processing a privacy request produced. Immutable and thread-safe.
 *
 * @param request the request in its final status, with the history of what happened
 * @param results what each connector did, by phase, then each failed post hook
 * @param bundle for ACCESS and PORTABILITY: the subject's data as a JSON document (UTF-8 text);
 *     empty for other types or a rejected request
 * @param event the event published to the listeners
 */
public record PrivacyOutcome(
    PrivacyRequest request,
    List<ConnectorResult> results,
    Optional<String> bundle,
    PrivacyEvent event) {
  /** Checks the fields and copies the results. */
  public PrivacyOutcome {
    Objects.requireNonNull(request, "request");
    results = List.copyOf(results);
    Objects.requireNonNull(bundle, "bundle");
    Objects.requireNonNull(event, "event");
  }
}
