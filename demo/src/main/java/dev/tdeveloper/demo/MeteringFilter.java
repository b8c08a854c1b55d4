package dev.tdeveloper.demo;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.context.TenantContext;
import dev.tdeveloper.tenancy.internal.UniqueIds;
import dev.tdeveloper.tenancy.usage.UsageEvent;
import dev.tdeveloper.tenancy.usage.UsageMeter;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import java.time.InstantSource;

/**
 * Meters every request admitted by the tenant filter as one {@code api_requests} usage event, keyed
 * by the client's {@code Idempotency-Key} header when it sends one (so a retried request counts
 * once), else by a fresh {@link UniqueIds} id. Thread-safe.
 */
final class MeteringFilter implements Filter {
  private final UsageMeter usage;
  private final InstantSource clock;

  MeteringFilter(UsageMeter usage, InstantSource clock) {
    this.usage = usage;
    this.clock = clock;
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    TenantId tenant = TenantContext.require();
    String header =
        request instanceof jakarta.servlet.http.HttpServletRequest http
            ? http.getHeader("Idempotency-Key")
            : null;
    String key = validKey(header) ? header : UniqueIds.next();
    usage.record(UsageEvent.of(tenant, DemoTenancy.API_REQUESTS, 1, clock.instant(), key));
    chain.doFilter(request, response);
  }

  private static boolean validKey(String key) {
    if (key == null || key.length() < 8 || key.length() > 128) {
      return false;
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c <= 0x20 || c >= 0x7f) {
        return false;
      }
    }
    return true;
  }
}
