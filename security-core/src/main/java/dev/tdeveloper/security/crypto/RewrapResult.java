package dev.tdeveloper.security.crypto;

import dev.tdeveloper.tenancy.TenantId;
import java.util.Objects;
import java.util.Optional;

/**
 * What one {@link RewrapJob#run} did. Immutable.
 *
 * @param tenant the tenant
 * @param targetVersion the primary key version ciphertexts were moved to
 * @param examined ciphertexts read in this run
 * @param rewrapped ciphertexts replaced in this run
 * @param resumedAfter the id a previous, interrupted run had reached, if this run resumed
 */
public record RewrapResult(
    TenantId tenant,
    int targetVersion,
    long examined,
    long rewrapped,
    Optional<String> resumedAfter) {
  /** Validates the fields. */
  public RewrapResult {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(resumedAfter, "resumedAfter");
  }
}
