package dev.tdeveloper.web.tenant;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.TenantStatus;
import java.util.Objects;
import java.util.Optional;

/**
 * Published by {@link TenantFilter} when it refuses a request, before the problem response is sent.
 * {@link TenantRejection#MISMATCH} is a spoofing signal worth auditing.
 *
 * <p>Immutable and thread-safe. Every string is escaped and truncated request input, safe to log.
 *
 * @param rejection why the request was refused
 * @param tenant the tenant the request named, when it named a well-formed one
 * @param tenantStatus the recorded status of that tenant, when it is recorded
 * @param method the HTTP method
 * @param path the request path, escaped and truncated
 * @param remoteAddress the client address as the container sees it
 * @param detail the detail sent in the problem response
 */
public record TenantRejectedEvent(
    TenantRejection rejection,
    Optional<TenantId> tenant,
    Optional<TenantStatus> tenantStatus,
    String method,
    String path,
    String remoteAddress,
    String detail) {

  /**
   * Validates that no component is null.
   *
   * @throws NullPointerException naming the null component
   */
  public TenantRejectedEvent {
    Objects.requireNonNull(rejection, "rejection");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(tenantStatus, "tenantStatus");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(remoteAddress, "remoteAddress");
    Objects.requireNonNull(detail, "detail");
  }
}
