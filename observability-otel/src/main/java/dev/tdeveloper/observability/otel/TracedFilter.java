package dev.tdeveloper.observability.otel;

import dev.tdeveloper.tenancy.context.TenantContext;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * Shows a filter's work as an {@link SpanKind#INTERNAL INTERNAL} span named after the filter, so
 * the abuse shield, WAF, tenant and rate-limit filters each appear in the request's trace. The span
 * measures the filter's decision: it starts when the filter is entered and ends when the filter
 * passes the request on ({@value #PASSED_KEY} {@code true}) or returns without doing so ({@code
 * false}, with the {@code http.response.status_code} the filter answered). The rest of the chain
 * runs with the span that was current before the filter (normally the server span of {@link
 * TracingFilter}) current again, so filter spans line up as siblings instead of nesting, and the
 * application's spans are not children of the last filter. An exception the filter throws before
 * passing the request on is recorded on its span (status {@code ERROR}); exceptions from further
 * down the chain, and work the filter does after the chain returns (such as a WAF's response
 * phases), belong to the server span.
 *
 * <p>The span carries {@value #NAME_KEY} and, when a tenant is bound to {@link TenantContext}
 * (already, or by the time the filter passes the request on), {@link TenantTracing#ATTRIBUTE}.
 *
 * <p>The tracer is, in order: the one given to {@link #wrap(OpenTelemetry, String, Filter)}, the
 * one {@link TracingFilter} published for the request, or {@link GlobalOpenTelemetry}'s. When it is
 * the API's no-op tracer, the wrapped filter runs directly: its span would record nothing and only
 * repeat the span context already current.
 *
 * <p>Thread-safe if the wrapped filter is; {@link #init} and {@link #destroy} are forwarded.
 */
public final class TracedFilter implements Filter {
  /** The span attribute naming the wrapped filter: {@value}. */
  public static final String NAME_KEY = "tdeveloper.filter.name";

  /** The span attribute telling whether the filter passed the request on: {@value}. */
  public static final String PASSED_KEY = "tdeveloper.filter.passed";

  /** The span attribute {@value #NAME_KEY}. */
  public static final AttributeKey<String> NAME = AttributeKey.stringKey(NAME_KEY);

  /** The span attribute {@value #PASSED_KEY}. */
  public static final AttributeKey<Boolean> PASSED = AttributeKey.booleanKey(PASSED_KEY);

  private final String name;
  private final Filter delegate;
  private final Optional<Tracer> tracer;

  private TracedFilter(String name, Filter delegate, Optional<Tracer> tracer) {
    this.name = name;
    this.delegate = delegate;
    this.tracer = tracer;
  }

  /**
   * Wraps {@code filter}, tracing with the tracer of the request's {@link TracingFilter}.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code name} is blank
   */
  public static TracedFilter wrap(String name, Filter filter) {
    return new TracedFilter(
        checkName(name), Objects.requireNonNull(filter, "filter"), Optional.empty());
  }

  /**
   * Wraps {@code filter}, tracing with {@code openTelemetry}'s tracer.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code name} is blank
   */
  public static TracedFilter wrap(OpenTelemetry openTelemetry, String name, Filter filter) {
    Objects.requireNonNull(openTelemetry, "openTelemetry");
    return new TracedFilter(
        checkName(name),
        Objects.requireNonNull(filter, "filter"),
        Optional.of(openTelemetry.getTracer(TracingFilter.INSTRUMENTATION_NAME)));
  }

  private static String checkName(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank, got '" + name + "'");
    }
    return name;
  }

  /** Returns the span name. */
  public String name() {
    return name;
  }

  /** Returns the wrapped filter. */
  public Filter delegate() {
    return delegate;
  }

  @Override
  public void init(FilterConfig config) throws ServletException {
    delegate.init(config);
  }

  /**
   * Runs the wrapped filter inside its span, as described in the class documentation.
   *
   * @throws IOException if the wrapped filter throws it
   * @throws ServletException if the wrapped filter throws it
   */
  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    Tracer tracer = tracerFor(request);
    if (TracingFilter.isNoop(tracer)) {
      // The no-op tracer's span would only carry the current span context, which stays current.
      delegate.doFilter(request, response, chain);
      return;
    }
    Context parent = Context.current();
    SpanBuilder builder =
        tracer
            .spanBuilder(name)
            .setParent(parent)
            .setSpanKind(SpanKind.INTERNAL)
            .setAttribute(NAME, name);
    TenantTracing.tag(builder);
    Span span = builder.startSpan();
    PassingChain passing = new PassingChain(span, Span.fromContext(parent), chain);
    try (Scope ignored = parent.with(span).makeCurrent()) {
      delegate.doFilter(request, response, passing);
    } catch (IOException | ServletException | RuntimeException | Error e) {
      passing.returned(e, response);
      throw e;
    }
    passing.returned(null, response);
  }

  private Tracer tracerFor(ServletRequest request) {
    if (tracer.isPresent()) {
      return tracer.get();
    }
    if (request.getAttribute(TracingFilter.TRACER_ATTRIBUTE) instanceof Tracer published) {
      return published;
    }
    return GlobalOpenTelemetry.getTracer(TracingFilter.INSTRUMENTATION_NAME);
  }

  @Override
  public void destroy() {
    delegate.destroy();
  }

  @Override
  public String toString() {
    return "TracedFilter[" + name + ": " + delegate + "]";
  }

  /**
   * The chain handed to the wrapped filter: ends the span when the filter passes the request on.
   */
  private static final class PassingChain implements FilterChain {
    private final Span span;
    private final Span outer;
    private final FilterChain chain;
    private boolean ended;

    PassingChain(Span span, Span outer, FilterChain chain) {
      this.span = span;
      this.outer = outer;
      this.chain = chain;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response)
        throws IOException, ServletException {
      if (claimEnd()) {
        TenantContext.current()
            .ifPresent(id -> span.setAttribute(TenantTracing.ATTRIBUTE, id.value()));
        span.setAttribute(PASSED, true);
        span.end();
      }
      // The rest of the chain runs under the outer span again, keeping whatever else (baggage) the
      // filter put into the context.
      try (Scope ignored = Context.current().with(outer).makeCurrent()) {
        chain.doFilter(request, response);
      }
    }

    /**
     * The wrapped filter returned, or threw {@code thrown}: if it never passed the request on, the
     * span ends as a refusal. Once passed on, the span has ended and later failures (from the
     * chain, or the filter's own post-processing) are not the decision's.
     */
    void returned(Throwable thrown, ServletResponse response) {
      if (!claimEnd()) {
        return;
      }
      span.setAttribute(PASSED, false);
      if (thrown != null) {
        span.recordException(thrown);
        span.setStatus(StatusCode.ERROR);
      } else if (response instanceof HttpServletResponse http) {
        span.setAttribute(HttpSemconv.HTTP_RESPONSE_STATUS_CODE, (long) http.getStatus());
      }
      span.end();
    }

    private synchronized boolean claimEnd() {
      if (ended) {
        return false;
      }
      ended = true;
      return true;
    }
  }
}
