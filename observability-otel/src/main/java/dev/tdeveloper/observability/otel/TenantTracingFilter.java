package dev.tdeveloper.observability.otel;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.context.TenantContext;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * Puts the tenant that an earlier filter bound to {@link TenantContext} (the tenant filter of
 * {@code servlet-filters}) into the trace for the rest of the chain: the span attribute {@link
 * TenantTracing#ATTRIBUTE} on the current span (the request's server span from {@link
 * TracingFilter}) and the baggage entry {@value TenantTracing#BAGGAGE_KEY}, so spans and outgoing
 * calls of the application carry it. Register it right after the tenant filter. When no tenant is
 * bound (an excluded path such as {@code /health}) the chain runs unchanged.
 *
 * <p>Thread-safe and stateless: one instance serves every request.
 */
public final class TenantTracingFilter implements Filter {
  private TenantTracingFilter() {}

  /** Returns a filter; it needs no configuration. */
  public static TenantTracingFilter create() {
    return new TenantTracingFilter();
  }

  /**
   * Runs the chain with the bound tenant in the trace, as described in the class documentation.
   *
   * @throws IOException if the chain throws it
   * @throws ServletException if the chain throws it
   */
  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    Optional<TenantId> tenant = TenantContext.current();
    if (tenant.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    Span.current().setAttribute(TenantTracing.ATTRIBUTE, tenant.get().value());
    try (Scope ignored = TenantTracing.withTenant(Context.current(), tenant.get()).makeCurrent()) {
      chain.doFilter(request, response);
    }
  }

  @Override
  public String toString() {
    return "TenantTracingFilter";
  }
}
