package dev.tdeveloper.observability.otel;

import io.opentelemetry.api.OpenTelemetry;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Configures a {@link TracingFilter}. Each setting may be given once ({@link IllegalStateException}
 * otherwise); only {@link #openTelemetry} is required. Not thread-safe: use one builder from one
 * thread.
 */
public final class TracingFilterBuilder {
  OpenTelemetry openTelemetry;
  Function<HttpServletRequest, Optional<String>> routes;
  Boolean trustIncomingTenantBaggage;

  TracingFilterBuilder() {}

  /**
   * The OpenTelemetry instance whose tracer starts the spans and whose propagators read the
   * incoming {@code traceparent}/{@code baggage} headers: the SDK the application configured (or
   * {@code GlobalOpenTelemetry.get()}).
   */
  public TracingFilterBuilder openTelemetry(OpenTelemetry openTelemetry) {
    Objects.requireNonNull(openTelemetry, "openTelemetry");
    once(this.openTelemetry, "openTelemetry");
    this.openTelemetry = openTelemetry;
    return this;
  }

  /**
   * How to find a request's route, the low-cardinality path template for the span name and the
   * {@code http.route} attribute. Default: the context path plus the matched servlet mapping
   * ({@code /notes/*}); for the default servlet no route is known and the span is named after the
   * request path. The application may name the route later by setting the request attribute {@link
   * TracingFilter#ROUTE_ATTRIBUTE}.
   */
  public TracingFilterBuilder routes(Function<HttpServletRequest, Optional<String>> routes) {
    Objects.requireNonNull(routes, "routes");
    once(this.routes, "routes");
    this.routes = routes;
    return this;
  }

  /**
   * Whether to keep a {@value TenantTracing#BAGGAGE_KEY} baggage entry sent by the caller. Default
   * {@code false}: clients could claim any tenant, so the entry is dropped and only the tenant this
   * service resolved (see {@link TenantTracingFilter}) goes downstream. Set {@code true} only for
   * services reached solely by trusted upstream services.
   */
  public TracingFilterBuilder trustIncomingTenantBaggage(boolean trust) {
    once(this.trustIncomingTenantBaggage, "trustIncomingTenantBaggage");
    this.trustIncomingTenantBaggage = trust;
    return this;
  }

  /**
   * Builds the filter.
   *
   * @throws IllegalStateException if no OpenTelemetry instance was given
   */
  public TracingFilter build() {
    if (openTelemetry == null) {
      throw new IllegalStateException(
          "openTelemetry is required: pass the OpenTelemetry SDK the application configured");
    }
    return new TracingFilter(this);
  }

  private static void once(Object current, String name) {
    if (current != null) {
      throw new IllegalStateException(name + " was already set");
    }
  }
}
