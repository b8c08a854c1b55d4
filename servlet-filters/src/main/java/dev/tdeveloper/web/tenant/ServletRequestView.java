package dev.tdeveloper.web.tenant;

import dev.tdeveloper.tenancy.resolve.RequestView;
import dev.tdeveloper.web.internal.SafeText;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Adapts an {@link HttpServletRequest} to a {@link RequestView} without copying anything: every
 * method reads the request when called.
 *
 * <ul>
 *   <li>{@link #headers(String)} returns every header line of a name ({@link
 *       HttpServletRequest#getHeaders(String)}), so resolvers can refuse a repeated tenant header.
 *   <li>{@link #host()} is {@link HttpServletRequest#getServerName()}: the host the container took
 *       from the {@code Host} header (HTTP/1.1) or {@code :authority} (HTTP/2 and 3), without the
 *       port. The container, not this class, decides whether {@code Forwarded} or {@code
 *       X-Forwarded-Host} may override it (in Jetty, only when a {@code ForwardedRequestCustomizer}
 *       is configured for a trusted proxy), so a client cannot pick its host by adding a header.
 *       For an HTTP/1.0 request without {@code Host}, containers substitute their own name or
 *       address.
 *   <li>{@link #path()} is the raw (still percent-encoded) {@link
 *       HttpServletRequest#getRequestURI()} relative to the context path, so a path resolver sees
 *       the same path wherever the application is deployed.
 *   <li>{@link #verifiedClaim(String)} reads the {@code Map<String, String>} an authentication
 *       filter stored under {@link TenantFilter#VERIFIED_CLAIMS_ATTRIBUTE} after verifying a token;
 *       clients cannot set request attributes. Non-string values are ignored.
 * </ul>
 *
 * <p>Not thread-safe, like the request it wraps: use it on the thread handling the request.
 */
public final class ServletRequestView implements RequestView {
  private final HttpServletRequest request;

  private ServletRequestView(HttpServletRequest request) {
    this.request = request;
  }

  /** Returns a view of {@code request}. */
  public static ServletRequestView of(HttpServletRequest request) {
    return new ServletRequestView(Objects.requireNonNull(request, "request"));
  }

  @Override
  public String host() {
    String name = request.getServerName();
    return name == null ? "" : name;
  }

  @Override
  public List<String> headers(String name) {
    Objects.requireNonNull(name, "name");
    Enumeration<String> values = request.getHeaders(name);
    if (values == null || !values.hasMoreElements()) {
      return List.of();
    }
    String first = values.nextElement();
    if (!values.hasMoreElements()) {
      return List.of(first);
    }
    List<String> all = new ArrayList<>();
    all.add(first);
    while (values.hasMoreElements()) {
      all.add(values.nextElement());
    }
    return List.copyOf(all);
  }

  @Override
  public Optional<String> header(String name) {
    Objects.requireNonNull(name, "name");
    return Optional.ofNullable(request.getHeader(name));
  }

  @Override
  public String path() {
    String uri = request.getRequestURI();
    if (uri == null) {
      return "/";
    }
    String context = request.getContextPath();
    if (context != null && !context.isEmpty() && uri.startsWith(context)) {
      uri = uri.substring(context.length());
    }
    return uri.isEmpty() ? "/" : uri;
  }

  @Override
  public Optional<String> verifiedClaim(String name) {
    Objects.requireNonNull(name, "name");
    if (request.getAttribute(TenantFilter.VERIFIED_CLAIMS_ATTRIBUTE) instanceof Map<?, ?> claims
        && claims.get(name) instanceof String value) {
      return Optional.of(value);
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return "ServletRequestView[host="
        + SafeText.quote(host())
        + ", path="
        + SafeText.quote(path())
        + "]";
  }
}
