package dev.tdeveloper.web.tenant;

import dev.tdeveloper.web.problem.ProblemDetails;
import java.net.URI;

/**
 * Why {@link TenantFilter} refused a request, with the HTTP status and the RFC 9457 problem type it
 * answers with ({@code https://tdeveloper.dev/problems/<slug>}).
 */
public enum TenantRejection {
  /** The request names no tenant: 400, {@code tenant-required}. */
  REQUIRED(400, "tenant-required", "Tenant required"),
  /** The request names a tenant in a malformed or forbidden way: 400, {@code invalid-tenant}. */
  INVALID(400, "invalid-tenant", "Invalid tenant"),
  /** Tenant sources of the request disagree (a spoofing signal): 403, {@code tenant-mismatch}. */
  MISMATCH(403, "tenant-mismatch", "Tenant mismatch"),
  /** The tenant is not recorded, or is deleted: 404, {@code unknown-tenant}. */
  UNKNOWN(404, "unknown-tenant", "Unknown tenant"),
  /** The tenant is provisioning, suspended or offboarding: 403, {@code tenant-inactive}. */
  INACTIVE(403, "tenant-inactive", "Tenant inactive");

  private final int status;
  private final String slug;
  private final String title;
  private final URI type;

  TenantRejection(int status, String slug, String title) {
    this.status = status;
    this.slug = slug;
    this.title = title;
    this.type = ProblemDetails.typeOf(slug);
  }

  /** Returns the HTTP status code answered. */
  public int status() {
    return status;
  }

  /** Returns the last segment of the problem type URI, such as {@code unknown-tenant}. */
  public String slug() {
    return slug;
  }

  /** Returns the problem title. */
  public String title() {
    return title;
  }

  /** Returns the problem type URI. */
  public URI type() {
    return type;
  }

  /** Returns the problem answered, with {@code detail} (which must already be safe to show). */
  public ProblemDetails problem(String detail) {
    return ProblemDetails.of(type, title, status).withDetail(detail);
  }
}
