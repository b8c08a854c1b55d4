package dev.tdeveloper.tenancy.resolve;

import dev.tdeveloper.tenancy.TenantId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Thrown when resolvers that must agree name different tenants for one request: a spoofing signal
 * (for example a header naming another tenant than the verified token). Web layers answer 403.
 */
public final class TenantMismatchException extends TenantResolutionException {
  private static final long serialVersionUID = 1L;
  private final transient Map<String, TenantId> bySource;

  /**
   * Creates the exception.
   *
   * @param bySource the tenant each source named, keyed by source name, in resolver order
   */
  public TenantMismatchException(Map<String, TenantId> bySource) {
    super("tenant sources disagree: " + bySource);
    // Map.copyOf would lose the resolver order that the accessor promises.
    this.bySource = Collections.unmodifiableMap(new LinkedHashMap<>(bySource));
  }

  /** Returns the tenant each source named, keyed by source name, in resolver order. */
  public Map<String, TenantId> bySource() {
    return bySource;
  }
}
