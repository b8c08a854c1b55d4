package dev.tdeveloper.compliance.audit;

import dev.tdeveloper.compliance.ComplianceException;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Replaces the personal fields of an event (actor, source IP, the named details) with pseudonyms
 * scoped to the event's tenant, and checks that the pseudonymizer returned something storable and
 * not the raw value. Immutable and thread-safe.
 */
final class EventPseudonymizer {
  private final Pseudonymizer pseudonymizer;
  private final Set<String> personalDetails;
  private final Set<String> nonPersonalActors;

  EventPseudonymizer(
      Pseudonymizer pseudonymizer, Set<String> personalDetails, Set<String> nonPersonalActors) {
    this.pseudonymizer = pseudonymizer;
    this.personalDetails = personalDetails;
    this.nonPersonalActors = nonPersonalActors;
  }

  /**
   * Returns {@code event} with its personal fields replaced. The event is built once more, but its
   * checked details are not copied or checked again: only the values replaced here are checked.
   *
   * @throws ComplianceException if the pseudonymizer fails, returns null or the raw value, or
   *     returns a value the log cannot store
   */
  AuditEvent apply(AuditEvent event) {
    String actor =
        nonPersonalActors.contains(event.actor())
            ? event.actor()
            : pseudonym(event, "actor", event.actor());
    Optional<String> sourceIp = event.sourceIp().map(ip -> pseudonym(event, "sourceIp", ip));
    SortedMap<String, String> details = event.details();
    TreeMap<String, String> replaced = null;
    for (String key : personalDetails) {
      String value = details.get(key);
      if (value != null) {
        if (replaced == null) {
          replaced = new TreeMap<>(details);
        }
        replaced.put(key, pseudonym(event, "details['" + key + "']", value));
      }
    }
    try {
      AuditEvent stored =
          new AuditEvent(
              event.id(),
              event.time(),
              event.tenant(),
              actor,
              event.action(),
              event.resource(),
              event.outcome(),
              sourceIp,
              event.requestId(),
              replaced == null ? details : new CheckedDetails(replaced));
      if (replaced != null) {
        // checked after the other fields, in key order, as the canonical constructor checks them;
        // the event is not returned unless every replaced value passes
        for (String key : replaced.keySet()) {
          if (personalDetails.contains(key)) {
            AuditEvent.detailValue(key, replaced.get(key));
          }
        }
      }
      return stored;
    } catch (IllegalArgumentException e) {
      throw new ComplianceException(
          "the pseudonymizer returned a value the audit log cannot store: " + e.getMessage(), e);
    }
  }

  private String pseudonym(AuditEvent event, String field, String value) {
    String pseudonym;
    try {
      pseudonym = pseudonymizer.pseudonymize(event.tenant(), value);
    } catch (RuntimeException e) {
      throw new ComplianceException(
          "the pseudonymizer failed on the " + field + " of audit event " + event.id(), e);
    }
    if (pseudonym == null || pseudonym.equals(value)) {
      throw new ComplianceException(
          "the pseudonymizer returned "
              + (pseudonym == null ? "null" : "the raw value")
              + " for the "
              + field
              + " of audit event "
              + event.id()
              + "; the audit log never stores personal data raw");
    }
    return pseudonym;
  }
}
