package dev.tdeveloper.web.tenant;

import dev.tdeveloper.tenancy.Tenant;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.TenantStatus;
import dev.tdeveloper.tenancy.context.TenantContext;
import dev.tdeveloper.tenancy.internal.Listeners;
import dev.tdeveloper.tenancy.resolve.TenantMismatchException;
import dev.tdeveloper.tenancy.resolve.TenantResolutionException;
import dev.tdeveloper.tenancy.resolve.TenantResolver;
import dev.tdeveloper.tenancy.spi.TenantRegistry;
import dev.tdeveloper.web.internal.PathPrefixes;
import dev.tdeveloper.web.internal.SafeText;
import dev.tdeveloper.web.problem.ProblemWriter;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Admits each HTTP request for one tenant. It resolves the tenant with a {@link TenantResolver}
 * (over a {@link ServletRequestView}), looks it up in a {@link TenantRegistry}, and only for an
 * {@link TenantStatus#ACTIVE active} tenant runs the rest of the chain with the tenant bound to
 * {@link TenantContext} (and the MDC key {@value TenantContext#MDC_KEY}) and stored in the request
 * attribute {@link #TENANT_ATTRIBUTE}. Other requests get an RFC 9457 problem (see {@link
 * TenantRejection}) and a {@link TenantRejectedEvent} for the listeners:
 *
 * <table>
 *   <caption>Responses</caption>
 *   <tr><th>situation</th><th>status</th><th>problem type</th></tr>
 *   <tr><td>no tenant signal</td><td>400</td><td>{@code tenant-required}</td></tr>
 *   <tr><td>malformed signal ({@code TenantResolutionException})</td><td>400</td>
 *       <td>{@code invalid-tenant}</td></tr>
 *   <tr><td>sources disagree ({@code TenantMismatchException})</td><td>403</td>
 *       <td>{@code tenant-mismatch}</td></tr>
 *   <tr><td>tenant not recorded, or deleted</td><td>404</td><td>{@code unknown-tenant}</td></tr>
 *   <tr><td>provisioning, suspended or offboarding</td><td>403</td>
 *       <td>{@code tenant-inactive}</td></tr>
 * </table>
 *
 * <p>Problem details never echo request input unescaped: resolver messages are escaped and cut to
 * 200 characters, and tenant ids are validated DNS labels. Exceptions thrown by the resolver other
 * than {@link TenantResolutionException}, or by the registry, propagate (the container answers
 * 500): a broken dependency is not the client's fault.
 *
 * <p>The binding is removed when the chain returns or throws, whatever the application did with
 * {@link TenantContext} inside it, so a pooled container thread never carries a tenant into the
 * next request. <b>Asynchronous servlets:</b> the binding ends when the container thread leaves
 * {@code doFilter}, not when an {@code AsyncContext} completes. Work on other threads must be
 * wrapped ({@link TenantContext#wrap(Runnable)}, or an executor from {@link
 * TenantContext#wrap(java.util.concurrent.ExecutorService)}); {@code AsyncContext.start(Runnable)}
 * tasks are not wrapped for you. Register the filter for {@code DispatcherType.ASYNC} (and {@code
 * FORWARD}/{@code ERROR} if needed) to have later dispatches of an admitted request bound again:
 * they reuse the tenant from {@link #TENANT_ATTRIBUTE} without resolving it again.
 *
 * <p>Excluded path prefixes (such as {@code /health}) skip the filter entirely: no tenant is
 * required and none is bound. They are matched on whole segments against the container-decoded and
 * normalized path within the context ({@code getServletPath() + getPathInfo()}), the same path the
 * container maps servlets with, so encoding tricks cannot reach a tenant endpoint unfiltered.
 *
 * <p>Thread-safe and immutable: one instance serves every request.
 */
public final class TenantFilter implements Filter {
  /**
   * The request attribute under which an authentication filter running before this one stores the
   * claims of a token it has verified, as a {@code Map<String, String>}: {@value}.
   */
  public static final String VERIFIED_CLAIMS_ATTRIBUTE = "dev.tdeveloper.web.verifiedClaims";

  /** The request attribute holding the admitted {@link Tenant}: {@value}. */
  public static final String TENANT_ATTRIBUTE = "dev.tdeveloper.web.tenant";

  /** The longest resolver message echoed in a problem detail, in characters: {@value}. */
  public static final int MAX_DETAIL_ECHO = 200;

  private final TenantResolver resolver;
  private final TenantRegistry registry;
  private final List<String> excludedPrefixes;
  private final Listeners<TenantRejectedEvent> listeners;
  private final ProblemWriter problemWriter;

  TenantFilter(TenantFilterBuilder builder) {
    this.resolver = builder.resolver;
    this.registry = builder.registry;
    this.excludedPrefixes = List.copyOf(builder.excludedPrefixes);
    this.listeners = Listeners.of(builder.listeners);
    this.problemWriter =
        builder.problemWriter == null ? ProblemWriter.create() : builder.problemWriter;
  }

  /** Returns a builder; a resolver and a registry are required. */
  public static TenantFilterBuilder builder() {
    return new TenantFilterBuilder();
  }

  /** Returns the excluded path prefixes, normalized without a trailing slash. */
  public List<String> excludedPathPrefixes() {
    return excludedPrefixes;
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
          "TenantFilter handles HTTP requests only, got " + req.getClass().getName());
    }
    Tenant tenant;
    if (request.getAttribute(TENANT_ATTRIBUTE) instanceof Tenant admitted) {
      tenant = admitted; // a later dispatch (async, forward, error) of an admitted request
    } else if (isExcluded(request)) {
      chain.doFilter(request, response);
      return;
    } else {
      Optional<Tenant> found = admit(request, response);
      if (found.isEmpty()) {
        return;
      }
      tenant = found.get();
      request.setAttribute(TENANT_ATTRIBUTE, tenant);
    }
    proceed(tenant.id(), request, response, chain);
  }

  private static void proceed(
      TenantId tenant, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    try {
      // call(...) restores the previous binding in a finally block, even if the application
      // leaked an inner scope, which closing a Scope from open(...) would refuse to do.
      TenantContext.call(
          tenant,
          () -> {
            chain.doFilter(request, response);
            return null;
          });
    } catch (IOException | ServletException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new ServletException("filter chain threw an undeclared checked exception", e);
    }
  }

  private Optional<Tenant> admit(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Optional<TenantId> resolved;
    try {
      resolved = resolver.resolve(ServletRequestView.of(request));
    } catch (TenantMismatchException e) {
      String sources =
          e.bySource().keySet().stream()
              .map(source -> SafeText.clean(source, 40))
              .sorted()
              .collect(Collectors.joining(", "));
      reject(
          request,
          response,
          TenantRejection.MISMATCH,
          Optional.empty(),
          Optional.empty(),
          "the request names different tenants in: " + sources);
      return Optional.empty();
    } catch (TenantResolutionException e) {
      String message = e.getMessage() == null ? "malformed tenant signal" : e.getMessage();
      reject(
          request,
          response,
          TenantRejection.INVALID,
          Optional.empty(),
          Optional.empty(),
          SafeText.clean(message, MAX_DETAIL_ECHO));
      return Optional.empty();
    }
    if (resolved == null) {
      throw new NullPointerException("resolver " + resolver + " returned null, not an Optional");
    }
    if (resolved.isEmpty()) {
      reject(
          request,
          response,
          TenantRejection.REQUIRED,
          Optional.empty(),
          Optional.empty(),
          "the request does not name a tenant");
      return Optional.empty();
    }
    TenantId id = resolved.get();
    Optional<Tenant> found = registry.find(id);
    Optional<TenantStatus> status = found.map(Tenant::status);
    if (found.isEmpty() || found.get().status() == TenantStatus.DELETED) {
      // Deleted tenants look exactly like never-recorded ones.
      reject(
          request,
          response,
          TenantRejection.UNKNOWN,
          resolved,
          status,
          "tenant '" + id + "' is not known");
      return Optional.empty();
    }
    if (!found.get().status().servesTraffic()) {
      reject(
          request,
          response,
          TenantRejection.INACTIVE,
          resolved,
          status,
          "tenant '" + id + "' is not serving requests");
      return Optional.empty();
    }
    return found;
  }

  private void reject(
      HttpServletRequest request,
      HttpServletResponse response,
      TenantRejection rejection,
      Optional<TenantId> tenant,
      Optional<TenantStatus> status,
      String detail)
      throws IOException {
    if (!listeners.isEmpty()) {
      String path = request.getRequestURI() == null ? "" : request.getRequestURI();
      String remote = request.getRemoteAddr() == null ? "" : request.getRemoteAddr();
      listeners.publish(
          new TenantRejectedEvent(
              rejection,
              tenant,
              status,
              SafeText.clean(request.getMethod() == null ? "" : request.getMethod(), 20),
              SafeText.clean(path, MAX_DETAIL_ECHO),
              SafeText.clean(remote, 64),
              detail));
    }
    problemWriter.write(response, rejection.problem(detail));
  }

  private boolean isExcluded(HttpServletRequest request) {
    if (excludedPrefixes.isEmpty()) {
      return false;
    }
    String path = PathPrefixes.pathOf(request);
    for (String prefix : excludedPrefixes) {
      if (PathPrefixes.matches(path, prefix)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "TenantFilter[resolver="
        + resolver
        + ", registry="
        + registry
        + ", excluded="
        + excludedPrefixes
        + "]";
  }
}
