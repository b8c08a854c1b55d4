package dev.tdeveloper.web.testing;

import dev.tdeveloper.tenancy.Tenant;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.context.TenantContext;
import dev.tdeveloper.web.tenant.TenantFilter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.MDC;

/**
 * Answers {@code tenant=<bound> mdc=<tenant.id> attr=<attribute> thread=<name>} ({@code none} when
 * absent). Under {@code /boom} it throws after reading the binding, to test clean-up on failure.
 */
public final class EchoTenantServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String tenant = TenantContext.current().map(TenantId::value).orElse("none");
    if (request.getRequestURI().startsWith("/boom")) {
      throw new IllegalStateException("boom while serving " + TenantContext.require());
    }
    String mdc = MDC.get(TenantContext.MDC_KEY);
    Object attribute = request.getAttribute(TenantFilter.TENANT_ATTRIBUTE);
    String body =
        "tenant="
            + tenant
            + " mdc="
            + (mdc == null ? "none" : mdc)
            + " attr="
            + (attribute instanceof Tenant t ? t.id().value() : "none")
            + " thread="
            + Thread.currentThread().getName();
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    response.setContentType("text/plain");
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }
}
