package dev.tdeveloper.web.shield;

import dev.tdeveloper.security.ratelimit.RateLimitHeaders;
import dev.tdeveloper.security.shield.AbuseShield;
import dev.tdeveloper.security.shield.ClientIpResolver;
import dev.tdeveloper.security.shield.IpAddress;
import dev.tdeveloper.security.shield.Permit;
import dev.tdeveloper.security.shield.ShieldDecision;
import dev.tdeveloper.security.shield.ShieldRequest;
import dev.tdeveloper.tenancy.context.TenantContext;
import dev.tdeveloper.web.problem.ProblemWriter;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;

/**
 * Puts an {@link AbuseShield} in front of the application. For each request it resolves the client
 * address from {@code getRemoteAddr()} and the forwarding header through the {@link
 * ClientIpResolver} (headers count only when the peer is a trusted proxy), takes the tenant from
 * {@link TenantContext#current()} and the API key fingerprint from the configured header, and asks
 * the shield:
 *
 * <table>
 *   <caption>Responses</caption>
 *   <tr><th>shield decision</th><th>status</th><th>problem type</th></tr>
 *   <tr><td>deny-listed address</td><td>403</td><td>{@code access-denied}</td></tr>
 *   <tr><td>banned address, tenant or API key</td><td>429 + {@code Retry-After}</td>
 *       <td>{@code temporarily-banned}</td></tr>
 *   <tr><td>heavy hitter, banned now</td><td>429 + {@code Retry-After}</td>
 *       <td>{@code heavy-hitter}</td></tr>
 *   <tr><td>concurrency limit full</td><td>503</td><td>{@code overloaded}</td></tr>
 *   <tr><td>container address not an IP literal</td><td>400</td>
 *       <td>{@code unknown-client-address}</td></tr>
 * </table>
 *
 * <p>A passed request runs, and its concurrency permit is released when it ends: as a success if
 * the status is below 500 and nothing was thrown, else as dropped (a sign of overload that lowers
 * the limit). The latency the limit learns from is measured by its own injected {@link
 * dev.tdeveloper.tenancy.time.Ticker} from admission to release. An asynchronous request releases
 * its permit when its {@code AsyncContext} completes, times out or fails.
 *
 * <p><b>Order.</b> Register this filter first, before the tenant filter: floods are then refused
 * before any tenant resolution or registry lookup, and a deny-listed client learns nothing about
 * which tenants exist. The tenant dimension of the shield is then not used ({@link
 * TenantContext#current()} is empty); to count and ban by tenant as well, register the filter after
 * the tenant filter, at the price of resolving tenants for requests later refused. The resolved
 * address is stored in the request attribute {@value #CLIENT_IP_ATTRIBUTE}; later dispatches of a
 * request (async, forward, error) are not checked again.
 *
 * <p>Thread-safe and immutable: one instance serves every request.
 */
public final class AbuseShieldFilter implements Filter {
  /** The request attribute holding the resolved client {@link IpAddress}: {@value}. */
  public static final String CLIENT_IP_ATTRIBUTE = "dev.tdeveloper.web.clientIp";

  private final AbuseShield shield;
  private final ClientIpResolver resolver;
  private final String apiKeyHeader;
  private final ProblemWriter problemWriter;

  AbuseShieldFilter(AbuseShieldFilterBuilder builder) {
    this.shield = builder.shield;
    this.resolver = builder.resolver;
    this.apiKeyHeader = builder.apiKeyHeader;
    this.problemWriter = builder.problemWriter;
  }

  /** Returns a builder; a shield is required. */
  public static AbuseShieldFilterBuilder builder() {
    return new AbuseShieldFilterBuilder();
  }

  /**
   * Admits or refuses the request as described in the class documentation.
   *
   * @throws ServletException if the request is not an HTTP request, or as the chain throws
   * @throws IOException if the chain throws it or writing a problem response fails
   */
  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if (!(req instanceof HttpServletRequest request)
        || !(res instanceof HttpServletResponse response)) {
      throw new ServletException(
          "AbuseShieldFilter handles HTTP requests only, got " + req.getClass().getName());
    }
    if (request.getAttribute(CLIENT_IP_ATTRIBUTE) != null) {
      chain.doFilter(request, response); // a later dispatch of a request already checked
      return;
    }
    IpAddress peer = peer(request.getRemoteAddr());
    if (peer == null) {
      problemWriter.write(
          response,
          ShieldProblems.UNKNOWN_ADDRESS.problem(
              "the server cannot tell the address of this client", Optional.empty()));
      return;
    }
    IpAddress client = peer;
    if (resolver.trustedProxies().contains(peer)) {
      Enumeration<String> values = request.getHeaders(resolver.header().headerName());
      List<String> hops = values == null ? List.of() : Collections.list(values);
      client = resolver.resolve(peer, hops);
    }
    ShieldDecision decision =
        shield.check(new ShieldRequest(client, TenantContext.current(), apiKey(request)));
    if (decision instanceof ShieldDecision.Block block) {
      Optional<Long> retryAfter =
          block.retryAfter().map(d -> RateLimitHeaders.retryAfterSeconds(d.toNanos()));
      retryAfter.ifPresent(
          seconds -> response.setHeader(RateLimitHeaders.RETRY_AFTER, Long.toString(seconds)));
      problemWriter.write(response, ShieldProblems.of(block.reason()).problem(block, retryAfter));
      return;
    }
    request.setAttribute(CLIENT_IP_ATTRIBUTE, client);
    Permit permit = ((ShieldDecision.Pass) decision).permit();
    try {
      chain.doFilter(request, response);
    } catch (Throwable t) {
      permit.onDropped();
      throw t;
    }
    if (request.isAsyncStarted()) {
      request.getAsyncContext().addListener(new AsyncRelease(permit));
    } else {
      release(permit, response.getStatus());
    }
  }

  /** Releases {@code permit} as a success, or as dropped for a 5xx status. */
  static void release(Permit permit, int status) {
    if (status >= 500) {
      permit.onDropped();
    } else {
      permit.onSuccess();
    }
  }

  private Optional<String> apiKey(HttpServletRequest request) {
    if (apiKeyHeader == null) {
      return Optional.empty();
    }
    String secret = request.getHeader(apiKeyHeader);
    return secret == null || secret.isEmpty()
        ? Optional.empty()
        : Optional.of(ShieldRequest.fingerprint(secret));
  }

  /** Parses the container's peer address ({@code [::1]}, {@code fe80::1%eth0} included). */
  static IpAddress peer(String remoteAddr) {
    if (remoteAddr == null) {
      return null;
    }
    String text = remoteAddr;
    if (text.length() > 2 && text.charAt(0) == '[' && text.charAt(text.length() - 1) == ']') {
      text = text.substring(1, text.length() - 1);
    }
    int zone = text.indexOf('%');
    if (zone >= 0) {
      text = text.substring(0, zone);
    }
    return IpAddress.tryParse(text).orElse(null);
  }

  @Override
  public String toString() {
    return "AbuseShieldFilter[resolver=" + resolver + ", apiKeyHeader=" + apiKeyHeader + "]";
  }

  /** Releases the permit of an asynchronous request when its last async cycle ends. */
  private static final class AsyncRelease implements AsyncListener {
    private final Permit permit;

    AsyncRelease(Permit permit) {
      this.permit = permit;
    }

    @Override
    public void onComplete(AsyncEvent event) {
      ServletResponse response = event.getSuppliedResponse();
      release(permit, response instanceof HttpServletResponse http ? http.getStatus() : 200);
    }

    @Override
    public void onTimeout(AsyncEvent event) {
      permit.onDropped();
    }

    @Override
    public void onError(AsyncEvent event) {
      permit.onDropped();
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
      event.getAsyncContext().addListener(this); // a new cycle keeps the permit until it ends
    }
  }
}
