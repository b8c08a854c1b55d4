package dev.tdeveloper.web.ratelimit;

import dev.tdeveloper.security.ratelimit.RateLimitDecision;
import dev.tdeveloper.security.ratelimit.RateLimitHeaders;
import dev.tdeveloper.security.ratelimit.RateLimitKey;
import dev.tdeveloper.security.ratelimit.RateLimiter;
import dev.tdeveloper.security.spi.RateLimiterStoreException;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.context.TenantContext;
import dev.tdeveloper.tenancy.internal.Listeners;
import dev.tdeveloper.web.internal.SafeText;
import dev.tdeveloper.web.problem.ProblemDetails;
import dev.tdeveloper.web.problem.ProblemWriter;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import java.util.function.Function;

/**
 * Limits the request rate of each tenant, or of each tenant on each route, with a {@link
 * RateLimiter} keyed by {@link RateLimitKey}. Each request takes one permit of the key made of the
 * tenant bound by {@link dev.tdeveloper.web.tenant.TenantFilter} and the route the classifier
 * names:
 *
 * <ul>
 *   <li>every answer carries {@code RateLimit-Limit}, {@code RateLimit-Remaining}, {@code
 *       RateLimit-Reset} and {@code RateLimit-Policy} ({@link RateLimitHeaders}), set before the
 *       application runs so they survive a committed response;
 *   <li>a refused request is answered 429 {@code application/problem+json} of type {@code
 *       rate-limited}, with {@code Retry-After} and the extension member {@code retryAfterSeconds},
 *       and the application does not run;
 *   <li>if the limiter's store fails ({@link RateLimiterStoreException}, from a fail-closed
 *       store-backed limiter), the request is answered 503 of type {@code
 *       rate-limiter-unavailable}.
 * </ul>
 *
 * <p>Register it after the tenant filter and only on tenant routes: it calls {@link
 * TenantContext#require()}, so a request without a bound tenant (an excluded path such as {@code
 * /health}) fails with {@link dev.tdeveloper.tenancy.context.NoTenantBoundException}. Later
 * dispatches of the same request (async, forward, error) are not counted again; the decision is
 * kept in the request attribute {@value #DECISION_ATTRIBUTE}.
 *
 * <p>Thread-safe and immutable: one instance serves every request.
 */
public final class RateLimitFilter implements Filter {
  /** The request attribute holding this request's {@link RateLimitDecision}: {@value}. */
  public static final String DECISION_ATTRIBUTE = "dev.tdeveloper.web.rateLimitDecision";

  /** The problem type of a refused request. */
  public static final URI RATE_LIMITED = ProblemDetails.typeOf("rate-limited");

  /** The problem type of a request the limiter could not decide. */
  public static final URI UNAVAILABLE = ProblemDetails.typeOf("rate-limiter-unavailable");

  private static final Function<HttpServletRequest, Optional<String>> NO_ROUTE =
      request -> Optional.empty();

  private final RateLimiter<RateLimitKey> limiter;
  private final Function<HttpServletRequest, Optional<String>> routes;
  private final ProblemWriter problemWriter;
  private final Listeners<RateLimitFilterEvent> listeners;
  private final HeaderWriter headers = new HeaderWriter();
  private final RefusalBodies refusals;

  RateLimitFilter(RateLimitFilterBuilder builder) {
    this.limiter = builder.limiter;
    this.routes = builder.routes == null ? NO_ROUTE : builder.routes;
    this.problemWriter =
        builder.problemWriter == null ? ProblemWriter.create() : builder.problemWriter;
    this.listeners = Listeners.of(builder.listeners);
    this.refusals = new RefusalBodies(problemWriter);
  }

  /** Returns a builder; a limiter is required. */
  public static RateLimitFilterBuilder builder() {
    return new RateLimitFilterBuilder();
  }

  /**
   * Admits or refuses the request as described in the class documentation.
   *
   * @throws ServletException if the request is not an HTTP request, or as the chain throws
   * @throws IOException if the chain throws it or writing a problem response fails
   * @throws dev.tdeveloper.tenancy.context.NoTenantBoundException if no tenant is bound
   */
  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if (!(req instanceof HttpServletRequest request)
        || !(res instanceof HttpServletResponse response)) {
      throw new ServletException(
          "RateLimitFilter handles HTTP requests only, got " + req.getClass().getName());
    }
    if (request.getAttribute(DECISION_ATTRIBUTE) != null) {
      chain.doFilter(request, response); // a later dispatch of a request already counted
      return;
    }
    TenantId tenant = TenantContext.require();
    Optional<String> route = routes.apply(request);
    if (route == null) {
      throw new NullPointerException("route classifier returned null, not an Optional");
    }
    RateLimitKey key = new RateLimitKey(tenant, route);
    RateLimitDecision decision;
    try {
      decision = limiter.tryAcquire(key, 1);
    } catch (RateLimiterStoreException e) {
      if (!listeners.isEmpty()) {
        listeners.publish(new RateLimitFilterEvent.StoreUnavailable(key, e));
      }
      problemWriter.write(
          response,
          ProblemDetails.of(UNAVAILABLE, "Rate limiter unavailable", 503)
              .withDetail("the rate limit of this request cannot be checked right now"));
      return;
    }
    request.setAttribute(DECISION_ATTRIBUTE, decision);
    long retryAfter = headers.write(limiter.policyFor(key), decision, response);
    if (decision instanceof RateLimitDecision.Denied) {
      if (!listeners.isEmpty()) {
        listeners.publish(
            new RateLimitFilterEvent.Limited(
                key,
                SafeText.clean(request.getMethod() == null ? "" : request.getMethod(), 20),
                SafeText.clean(request.getRequestURI() == null ? "" : request.getRequestURI(), 200),
                retryAfter));
      }
      problemWriter.write(response, refusals.body(key, retryAfter));
      return;
    }
    chain.doFilter(request, response);
  }

  @Override
  public String toString() {
    return "RateLimitFilter[limiter=" + limiter + "]";
  }
}
