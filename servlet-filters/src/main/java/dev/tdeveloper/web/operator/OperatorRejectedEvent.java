package dev.tdeveloper.web.operator;

import java.util.Objects;
import java.util.Optional;

/**
 * {@link OperatorFilter} refused a request: no or unknown credentials (401), or an operator whose
 * platform roles do not grant the route's permission (403). Security-relevant: wire it to the audit
 * log. Immutable and thread-safe; every text is already escaped and cut.
 *
 * @param forbidden true for a 403 (authenticated, not allowed), false for a 401
 * @param principalId the authenticated operator, empty for a 401
 * @param permission the permission the route needs, empty when no rule covers the path
 * @param method the HTTP method
 * @param path the request URI
 * @param remoteAddress the client address as the container saw it
 */
public record OperatorRejectedEvent(
    boolean forbidden,
    Optional<String> principalId,
    Optional<String> permission,
    String method,
    String path,
    String remoteAddress) {
  /** Checks that no field is null. */
  public OperatorRejectedEvent {
    Objects.requireNonNull(principalId, "principalId");
    Objects.requireNonNull(permission, "permission");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(remoteAddress, "remoteAddress");
  }
}
