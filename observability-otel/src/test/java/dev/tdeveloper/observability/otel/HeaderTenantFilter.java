package dev.tdeveloper.observability.otel;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.context.TenantContext;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Stands in for servlet-filters' TenantFilter: binds the tenant named by {@code X-Tenant} to {@link
 * TenantContext} for the chain, answers 400 without one, and passes {@code /health}.
 */
final class HeaderTenantFilter implements Filter {
  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    if (request.getRequestURI().startsWith("/health")) {
      chain.doFilter(req, res);
      return;
    }
    String tenant = request.getHeader("X-Tenant");
    if (tenant == null) {
      ((HttpServletResponse) res).sendError(400);
      return;
    }
    try {
      TenantContext.call(
          TenantId.of(tenant),
          () -> {
            chain.doFilter(req, res);
            return null;
          });
    } catch (IOException | ServletException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new ServletException(e);
    }
  }
}
