package dev.tdeveloper.compliance.audit;

import dev.tdeveloper.tenancy.TenantId;
import java.util.Optional;

/**
 * Replaces personal data (an actor, a source IP, a personal detail) with a stable pseudonym before
 * an audit event is written, so that the immutable log never holds raw personal data: erasing a
 * data subject forgets the pseudonym's mapping, and the entries already written stay valid but can
 * no longer be linked to the person. Implementations must be thread-safe.
 */
public interface Pseudonymizer {
  /**
   * Returns the pseudonym of {@code value} in a scope, creating it on first use. The same scope and
   * value always give the same pseudonym until the value is forgotten.
   *
   * @param tenant the tenant the value belongs to, or empty for platform-level data
   * @param value the personal value, such as a user id, e-mail address or IP address
   * @return the pseudonym, never equal to the value
   */
  String pseudonymize(Optional<TenantId> tenant, String value);

  /**
   * Returns the pseudonym of {@code value} if one exists, without creating one; used to find a
   * subject's entries.
   *
   * @param tenant the tenant the value belongs to, or empty for platform-level data
   * @param value the personal value
   * @return the pseudonym, or empty if the value was never pseudonymized or has been forgotten
   */
  Optional<String> lookup(Optional<TenantId> tenant, String value);
}
