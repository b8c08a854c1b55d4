package dev.tdeveloper.compliance.privacy;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What one connector (or hook) did for a privacy request in one phase. Immutable and thread-safe.
 *
 * @param phase {@code access}, {@code erasure}, {@code rectification}, {@code restriction} or
 *     {@code post-hook}
 * @param name the connector's or hook's name
 * @param status how it went
 * @param records how many records it returned or changed
 * @param heldCategories the categories a legal hold kept from erasure
 * @param detail why it failed or was held, with identifiers replaced by pseudonyms; empty if done
 */
public record ConnectorResult(
    String phase,
    String name,
    Status status,
    int records,
    SortedSet<String> heldCategories,
    String detail) {
  /** How a connector's part went. */
  public enum Status {
    /** Done. */
    DONE,
    /** Done, except the held categories. */
    PARTLY_HELD,
    /** Nothing done: a legal hold covers all its data. */
    HELD,
    /** Failed; the detail says why. */
    FAILED
  }

  /** Checks the fields and copies the categories. */
  public ConnectorResult {
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(detail, "detail");
    heldCategories = Collections.unmodifiableSortedSet(new TreeSet<>(heldCategories));
  }

  static ConnectorResult done(String phase, String name, int records) {
    return new ConnectorResult(phase, name, Status.DONE, records, new TreeSet<>(), "");
  }

  static ConnectorResult failed(String phase, String name, String detail) {
    return new ConnectorResult(phase, name, Status.FAILED, 0, new TreeSet<>(), detail);
  }

  /** Returns the result in a line without the detail, as events carry it. */
  String line() {
    String held = heldCategories.isEmpty() ? "" : " held " + heldCategories;
    return phase + " " + name + ": " + status + " " + records + held;
  }

  /** Returns the line with the (scrubbed) detail, as the request's history carries it. */
  String summary() {
    return line() + (detail.isEmpty() ? "" : " (" + detail + ")");
  }

  /** Returns the status a request with these results ends in. */
  static PrivacyRequestStatus statusOf(List<ConnectorResult> results) {
    boolean anyDone =
        results.stream()
            .anyMatch(
                r ->
                    r.status() == ConnectorResult.Status.DONE
                        || r.status() == ConnectorResult.Status.PARTLY_HELD);
    boolean allDone = results.stream().allMatch(r -> r.status() == ConnectorResult.Status.DONE);
    boolean anyFailed = results.stream().anyMatch(r -> r.status() == ConnectorResult.Status.FAILED);
    if (allDone) {
      return PrivacyRequestStatus.COMPLETED;
    }
    if (anyDone) {
      return PrivacyRequestStatus.PARTIALLY_COMPLETED;
    }
    return anyFailed ? PrivacyRequestStatus.FAILED : PrivacyRequestStatus.REJECTED;
  }

  /** Returns the history reason for these results: every part not simply done. */
  static String reasonOf(List<ConnectorResult> results) {
    List<String> notable =
        results.stream()
            .filter(r -> r.status() != ConnectorResult.Status.DONE)
            .map(ConnectorResult::summary)
            .toList();
    String reason =
        notable.isEmpty() ? "done in " + results.size() + " part(s)" : String.join("; ", notable);
    return reason.length() > 2000 ? reason.substring(0, 1997) + "..." : reason;
  }
}
