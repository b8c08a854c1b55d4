package dev.tdeveloper.demo;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.context.TenantContext;
import dev.tdeveloper.tenancy.usage.UsageEvent;
import dev.tdeveloper.tenancy.usage.UsageMeter;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import java.time.InstantSource;
import java.util.UUID;

/**
 * Meters every request admitted by the tenant filter as one {@code api_requests} usage event, keyed
 * by the client's {@code Idempotency-Key} header when it sends one (so a retried request counts
 * once). Thread-safe.
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
    String key =
        request instanceof jakarta.servlet.http.HttpServletRequest http
                && validKey(http.getHeader("Idempotency-Key"))
            ? http.getHeader("Idempotency-Key")
            : UUID.randomUUID().toString();
    usage.record(UsageEvent.of(tenant, DemoTenancy.API_REQUESTS, 1, clock.instant(), key));
    chain.doFilter(request, response);
  }

  private static boolean validKey(String key) {
    return key != null
        && key.length() >= 8
        && key.length() <= 128
        && key.chars().allMatch(c -> c > 0x20 && c < 0x7f);
  }
}
