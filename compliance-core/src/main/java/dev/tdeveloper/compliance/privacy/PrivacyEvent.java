package dev.tdeveloper.compliance.privacy;

import dev.tdeveloper.compliance.audit.AuditEvent;
import dev.tdeveloper.compliance.audit.AuditOutcome;
import dev.tdeveloper.tenancy.TenantId;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What the {@link PrivacyRequestProcessor} publishes when it has processed a request: the event the
 * audit log records ({@link #toAuditEvent()}). It names the subject <em>only</em> by pseudonyms,
 * taken from the vault before an erasure forgets them, and its connector results carry names,
 * statuses and counts but no failure messages, so it never holds a raw identifier or personal data.
 * Immutable and thread-safe.
 *
 * @param requestId the request's id
 * @param type the request's type
 * @param tenant the subject's tenant
 * @param subjectPseudonyms the pseudonyms of the subject's identifiers
 * @param status the status the request ended in
 * @param at when processing ended
 * @param results one line per connector and phase: {@code "<phase> <name>: <STATUS> <records>"}
 * @param forgotten whether the pseudonyms were forgotten (a complete erasure)
 */
public record PrivacyEvent(
    String requestId,
    PrivacyRequestType type,
    TenantId tenant,
    SortedSet<String> subjectPseudonyms,
    PrivacyRequestStatus status,
    Instant at,
    List<String> results,
    boolean forgotten) {

  /** Checks the fields and copies the collections. */
  public PrivacyEvent {
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(tenant, "tenant");
    subjectPseudonyms = Collections.unmodifiableSortedSet(new TreeSet<>(subjectPseudonyms));
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(at, "at");
    results = List.copyOf(results);
  }

  /**
   * Returns the event as an audit event: action {@code privacy.<type>.<status>} (such as {@code
   * privacy.erasure.completed}), resource {@code privacy-requests/<id>}, details {@code subjects}
   * (the pseudonyms), {@code forgotten} and one {@code result.<n>} per connector result (at most
   * 60).
   */
  public AuditEvent toAuditEvent() {
    AuditEvent.Builder event =
        AuditEvent.builder("privacy." + lower(type.name()) + "." + lower(status.name()), at)
            .tenant(tenant)
            .actor("privacy-request-processor")
            .resource("privacy-requests/" + requestId)
            .requestId(requestId)
            .outcome(
                switch (status) {
                  case COMPLETED, PARTIALLY_COMPLETED, RECEIVED, IN_PROGRESS ->
                      AuditOutcome.SUCCESS;
                  case REJECTED -> AuditOutcome.DENIED;
                  case FAILED -> AuditOutcome.FAILURE;
                })
            .detail("subjects", String.join(",", subjectPseudonyms))
            .detail("forgotten", Boolean.toString(forgotten));
    for (int i = 0; i < Math.min(results.size(), 60); i++) {
      event.detail(String.format(Locale.ROOT, "result.%02d", i), results.get(i));
    }
    return event.build();
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
