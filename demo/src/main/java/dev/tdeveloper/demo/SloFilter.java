package dev.tdeveloper.demo;

import dev.tdeveloper.tenancy.Tenant;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.context.TenantContext;
import dev.tdeveloper.tenancy.spi.TenantRegistry;
import dev.tdeveloper.tenancy.time.Ticker;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * Counts every tenant API request towards the tenant's plan's SLOs ({@link DemoObservability}):
 * runs right after the tenant filter, so it sees the tenant, and measures everything after it (rate
 * limit, quota, residency, the handler). A request that throws counts as a 500.
 */
final class SloFilter implements Filter {
  private final DemoObservability observability;
  private final TenantRegistry registry;
  private final Ticker ticker;

  SloFilter(DemoObservability observability, TenantRegistry registry, Ticker ticker) {
    this.observability = observability;
    this.registry = registry;
    this.ticker = ticker;
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    Optional<TenantId> tenant = TenantContext.current();
    if (tenant.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    long start = ticker.read();
    boolean failed = true;
    try {
      chain.doFilter(request, response);
      failed = false;
    } finally {
      int status = failed ? 500 : ((HttpServletResponse) response).getStatus();
      long latency = ticker.read() - start;
      registry
          .find(tenant.get())
          .map(Tenant::plan)
          .ifPresent(plan -> observability.recordRequest(tenant.get(), plan, status, latency));
    }
  }
}
