package dev.tdeveloper.web.operator;

import dev.tdeveloper.tenancy.access.Permission;
import dev.tdeveloper.tenancy.access.PlatformAccessDeniedException;
import dev.tdeveloper.tenancy.access.Principal;
import dev.tdeveloper.tenancy.access.TenantAccessGuard;
import dev.tdeveloper.tenancy.internal.Listeners;
import dev.tdeveloper.web.internal.PathPrefixes;
import dev.tdeveloper.web.internal.SafeText;
import dev.tdeveloper.web.problem.ProblemDetails;
import dev.tdeveloper.web.problem.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Puts operator routes (admin APIs, ops views, dashboards: routes that belong to no tenant) behind
 * operator authentication. The {@link OperatorAuthenticator} finds the principal; the {@link
 * TenantAccessGuard} checks that one of its {@linkplain Principal#platformRoles() platform roles}
 * grants the permission the path's rule requires ({@link OperatorFilterBuilder#require}). Admitted
 * requests carry the principal in {@link #PRINCIPAL_ATTRIBUTE}.
 *
 * <table>
 *   <caption>Responses</caption>
 *   <tr><th>situation</th><th>status</th><th>problem type</th></tr>
 *   <tr><td>no credentials, or credentials that authenticate no one</td><td>401 (with
 *       {@code WWW-Authenticate})</td><td>{@code operator-unauthorized}</td></tr>
 *   <tr><td>no platform role grants the path's permission, or no rule covers the path</td>
 *       <td>403</td><td>{@code operator-forbidden}</td></tr>
 * </table>
 *
 * <p>Rules match whole segments of the container-decoded, normalized path within the context, so
 * {@code /ops/../ops} or percent-encoding cannot reach a route under a weaker rule. Responses never
 * say whether a token exists or which roles would do. A non-HTTP request fails with {@link
 * ServletException}. Thread-safe and immutable.
 */
public final class OperatorFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;

  /** The request attribute holding the admitted operator {@link Principal}: {@value}. */
  public static final String PRINCIPAL_ATTRIBUTE = "dev.tdeveloper.web.operator";

  private static final ProblemDetails UNAUTHORIZED =
      ProblemDetails.of(
              ProblemDetails.typeOf("operator-unauthorized"),
              "Operator authentication required",
              401)
          .withDetail("this route needs operator credentials");
  private static final ProblemDetails FORBIDDEN =
      ProblemDetails.of(ProblemDetails.typeOf("operator-forbidden"), "Forbidden", 403)
          .withDetail("the operator's roles do not allow this route");

  private final transient OperatorAuthenticator authenticator;
  private final transient TenantAccessGuard guard;
  private final transient List<Map.Entry<String, Permission>> rules;
  private final transient Listeners<OperatorRejectedEvent> listeners;
  private final transient ProblemWriter problemWriter;

  OperatorFilter(OperatorFilterBuilder builder) {
    this.authenticator = builder.authenticator;
    this.guard = builder.guard;
    this.rules =
        builder.rules.entrySet().stream()
            .map(e -> Map.entry(e.getKey(), e.getValue()))
            .sorted(
                Comparator.comparingInt((Map.Entry<String, Permission> e) -> -e.getKey().length()))
            .toList();
    this.listeners = Listeners.of(builder.listeners);
    this.problemWriter =
        builder.problemWriter == null ? ProblemWriter.create() : builder.problemWriter;
  }

  /** Returns a builder; an authenticator, a guard and at least one rule are required. */
  public static OperatorFilterBuilder builder() {
    return new OperatorFilterBuilder();
  }

  /**
   * Admits or refuses the request as described in the class documentation.
   *
   * @throws ServletException as the chain throws
   * @throws IOException if the chain throws it or writing a problem response fails
   */
  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    Optional<Principal> principal = authenticator.authenticate(request);
    if (principal == null) {
      throw new NullPointerException(
          "authenticator " + authenticator + " returned null, not an Optional");
    }
    if (principal.isEmpty()) {
      publish(request, false, Optional.empty(), Optional.empty());
      authenticator.challenge().ifPresent(c -> response.setHeader("WWW-Authenticate", c));
      problemWriter.write(response, UNAUTHORIZED);
      return;
    }
    Optional<Permission> needed = permissionFor(PathPrefixes.pathOf(request));
    if (needed.isEmpty() || !allowed(principal.get(), needed.get())) {
      publish(request, true, Optional.of(principal.get().id()), needed.map(Permission::value));
      problemWriter.write(response, FORBIDDEN);
      return;
    }
    request.setAttribute(PRINCIPAL_ATTRIBUTE, principal.get());
    chain.doFilter(request, response);
  }

  private Optional<Permission> permissionFor(String path) {
    for (Map.Entry<String, Permission> rule : rules) {
      if (PathPrefixes.matches(path, rule.getKey())) {
        return Optional.of(rule.getValue());
      }
    }
    return Optional.empty();
  }

  private boolean allowed(Principal principal, Permission permission) {
    try {
      guard.checkPlatform(principal, permission);
      return true;
    } catch (PlatformAccessDeniedException e) {
      return false;
    }
  }

  private void publish(
      HttpServletRequest request,
      boolean forbidden,
      Optional<String> principalId,
      Optional<String> permission) {
    if (listeners.isEmpty()) {
      return;
    }
    String path = request.getRequestURI() == null ? "" : request.getRequestURI();
    String remote = request.getRemoteAddr() == null ? "" : request.getRemoteAddr();
    listeners.publish(
        new OperatorRejectedEvent(
            forbidden,
            principalId.map(id -> SafeText.clean(id, 256)),
            permission,
            SafeText.clean(request.getMethod() == null ? "" : request.getMethod(), 20),
            SafeText.clean(path, 200),
            SafeText.clean(remote, 64)));
  }

  @Override
  public String toString() {
    return "OperatorFilter[authenticator=" + authenticator + ", rules=" + rules + "]";
  }
}
