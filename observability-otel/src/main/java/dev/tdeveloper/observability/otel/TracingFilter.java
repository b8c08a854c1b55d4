package dev.tdeveloper.observability.otel;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.TracerProvider;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
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
import java.util.Iterator;
import java.util.Optional;
import java.util.function.Function;

/**
 * Traces each HTTP request with one {@link SpanKind#SERVER SERVER} span; register it outermost,
 * before every other filter. It reads the caller's W3C {@code traceparent} and {@code baggage}
 * headers with the configured instance's propagators (so the span continues the caller's trace),
 * names the span {@code METHOD route} (or {@code METHOD path} when no route is known, cut to 200
 * characters), and sets the HTTP semantic-convention attributes {@code http.request.method}, {@code
 * url.path}, {@code url.scheme}, {@code server.address}, {@code server.port}, {@code
 * client.address} (the immediate peer), {@code network.protocol.version}, {@code
 * user_agent.original}, {@code http.route} and, at the end, {@code http.response.status_code}. A
 * 5xx status or an exception sets {@code error.type} (the status code, or the exception's class
 * name) and the span status {@code ERROR}; 4xx answers are the client's errors and leave the status
 * unset. The query string is never recorded: it may carry secrets.
 *
 * <p>The span is current while the chain runs, so spans started below (for example by {@link
 * TracedFilter}s or the application) are its children. It ends when the response completes: when
 * {@code doFilter} returns, or for an asynchronous request when its {@code AsyncContext} completes
 * (the filter wraps the request to hear of {@code startAsync}; a timeout or error of the async
 * cycle is recorded on the span). Later dispatches of a traced request (async, forward, error) run
 * with the same span current and start no new one. Work the application hands to other threads
 * needs {@link TracingExecutors} to keep the span current there.
 *
 * <p>With the API's no-op tracer (no SDK installed, as {@code GlobalOpenTelemetry} is by default)
 * the filter still extracts the caller's context and makes it current, but computes no span name or
 * attributes and does not wrap the request: such a tracer would discard them.
 *
 * <p>Thread-safe and immutable: one instance serves every request.
 */
public final class TracingFilter implements Filter {
  /** The instrumentation scope name of this module's tracer: {@value}. */
  public static final String INSTRUMENTATION_NAME = "dev.tdeveloper.observability.otel";

  /** The request attribute holding the traced request's {@link Context}: {@value}. */
  public static final String CONTEXT_ATTRIBUTE = "dev.tdeveloper.observability.otel.context";

  /** The request attribute holding the {@link Tracer} {@link TracedFilter}s use: {@value}. */
  public static final String TRACER_ATTRIBUTE = "dev.tdeveloper.observability.otel.tracer";

  /**
   * The request attribute in which the application may name the route (a {@code String} path
   * template such as {@code /notes/{id}}) while handling the request; read when the span ends and
   * preferred over the route found at the start: {@value}.
   */
  public static final String ROUTE_ATTRIBUTE = "dev.tdeveloper.observability.otel.route";

  private static final TextMapGetter<HttpServletRequest> HEADERS =
      new TextMapGetter<>() {
        @Override
        public String get(HttpServletRequest carrier, String key) {
          return carrier == null ? null : carrier.getHeader(key);
        }

        @Override
        public Iterator<String> getAll(HttpServletRequest carrier, String key) {
          Enumeration<String> values = carrier == null ? null : carrier.getHeaders(key);
          return values == null ? Collections.emptyIterator() : values.asIterator();
        }
      };

  private final Tracer tracer;
  private final TextMapPropagator propagator;
  private final Function<HttpServletRequest, Optional<String>> routes;
  private final boolean trustIncomingTenantBaggage;
  private final boolean noopTracer;

  TracingFilter(TracingFilterBuilder builder) {
    this.tracer = builder.openTelemetry.getTracer(INSTRUMENTATION_NAME);
    this.noopTracer = isNoop(tracer);
    this.propagator = builder.openTelemetry.getPropagators().getTextMapPropagator();
    this.routes = builder.routes == null ? HttpSemconv::servletRoute : builder.routes;
    this.trustIncomingTenantBaggage = Boolean.TRUE.equals(builder.trustIncomingTenantBaggage);
  }

  /** Returns a builder; an OpenTelemetry instance is required. */
  public static TracingFilterBuilder builder() {
    return new TracingFilterBuilder();
  }

  /**
   * Runs the chain inside the request's server span, as described in the class documentation.
   *
   * @throws ServletException if the request is not an HTTP request, or as the chain throws
   * @throws IOException if the chain throws it
   */
  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if (!(req instanceof HttpServletRequest request)
        || !(res instanceof HttpServletResponse response)) {
      throw new ServletException(
          "TracingFilter handles HTTP requests only, got " + req.getClass().getName());
    }
    if (request.getAttribute(CONTEXT_ATTRIBUTE) instanceof Context traced) {
      try (Scope ignored = traced.makeCurrent()) {
        chain.doFilter(request, response);
      }
      return;
    }
    Context parent = propagator.extract(Context.current(), request, HEADERS);
    if (!trustIncomingTenantBaggage) {
      parent = TenantTracing.withoutTenant(parent);
    }
    if (noopTracer) {
      noopSpan(request, response, chain, parent);
      return;
    }
    String method = HttpSemconv.method(request.getMethod());
    Optional<String> route = routes.apply(request);
    String path = request.getRequestURI() == null ? "" : request.getRequestURI();
    SpanBuilder builder =
        tracer
            .spanBuilder(HttpSemconv.spanName(method, route.orElse(path)))
            .setParent(parent)
            .setSpanKind(SpanKind.SERVER);
    TenantTracing.tag(builder);
    setRequestAttributes(builder, request, method, route, path);
    Span span = builder.startSpan();
    Context context = parent.with(span);
    request.setAttribute(CONTEXT_ATTRIBUTE, context);
    request.setAttribute(TRACER_ATTRIBUTE, tracer);
    ServerExchange exchange = new ServerExchange(span, request, response, method);
    Throwable failure = null;
    try (Scope ignored = context.makeCurrent()) {
      chain.doFilter(exchange.asyncAwareRequest(), response);
    } catch (IOException | ServletException | RuntimeException | Error e) {
      failure = e;
      throw e;
    } finally {
      exchange.dispatchReturned(failure);
    }
  }

  /**
   * The no-op tracer's span (no SDK installed): such a tracer ignores the name, kind and attributes
   * and its span only carries the parent's span context, so nothing is computed for them and no
   * request wrapper waits to end it. The chain sees the same current context and attributes.
   */
  private void noopSpan(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain, Context parent)
      throws IOException, ServletException {
    Context context =
        parent.with(tracer.spanBuilder(INSTRUMENTATION_NAME).setParent(parent).startSpan());
    request.setAttribute(CONTEXT_ATTRIBUTE, context);
    request.setAttribute(TRACER_ATTRIBUTE, tracer);
    try (Scope ignored = context.makeCurrent()) {
      chain.doFilter(request, response);
    }
  }

  /** Whether {@code tracer} is the API's no-op tracer, which records nothing. */
  static boolean isNoop(Tracer tracer) {
    return tracer == TracerProvider.noop().get(INSTRUMENTATION_NAME);
  }

  private static void setRequestAttributes(
      SpanBuilder builder,
      HttpServletRequest request,
      String method,
      Optional<String> route,
      String path) {
    builder.setAttribute(HttpSemconv.HTTP_REQUEST_METHOD, method);
    if (HttpSemconv.OTHER_METHOD.equals(method) && request.getMethod() != null) {
      builder.setAttribute(HttpSemconv.HTTP_REQUEST_METHOD_ORIGINAL, request.getMethod());
    }
    route.ifPresent(r -> builder.setAttribute(HttpSemconv.HTTP_ROUTE, r));
    builder.setAttribute(HttpSemconv.URL_PATH, path);
    if (request.getScheme() != null) {
      builder.setAttribute(HttpSemconv.URL_SCHEME, request.getScheme());
    }
    if (request.getServerName() != null) {
      builder.setAttribute(HttpSemconv.SERVER_ADDRESS, request.getServerName());
      builder.setAttribute(HttpSemconv.SERVER_PORT, (long) request.getServerPort());
    }
    if (request.getRemoteAddr() != null) {
      builder.setAttribute(HttpSemconv.CLIENT_ADDRESS, request.getRemoteAddr());
    }
    HttpSemconv.protocolVersion(request.getProtocol())
        .ifPresent(v -> builder.setAttribute(HttpSemconv.NETWORK_PROTOCOL_VERSION, v));
    String agent = request.getHeader("User-Agent");
    if (agent != null) {
      builder.setAttribute(HttpSemconv.USER_AGENT, agent);
    }
  }

  @Override
  public String toString() {
    return "TracingFilter[trustIncomingTenantBaggage=" + trustIncomingTenantBaggage + "]";
  }
}
