package dev.tdeveloper.observability.otel;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.TracerProvider;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.context.propagation.TextMapPropagator;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * With the API's no-op tracer (no SDK installed) {@link TracingFilter} and {@link TracedFilter}
 * skip the span bookkeeping. The same chain run through the full path, with a tracer that behaves
 * as the no-op one but is not it, must answer exactly the same: the context the application sees
 * (span context, baggage, tenant), what it propagates downstream, and the status.
 */
class NoopTracerTest {
  private static final ContextPropagators PROPAGATORS =
      ContextPropagators.create(
          TextMapPropagator.composite(
              W3CTraceContextPropagator.getInstance(), W3CBaggagePropagator.getInstance()));

  /** Refuses {@code X-Banned} clients with 429, as the abuse shield would. */
  private static final Filter SHIELD =
      (req, res, chain) -> {
        if (((HttpServletRequest) req).getHeader("X-Banned") != null) {
          ((HttpServletResponse) res).sendError(429);
          return;
        }
        chain.doFilter(req, res);
      };

  /** Answers what the application sees of the span context, after the app's own answer. */
  private static final Filter SPAN_PROBE =
      (req, res, chain) -> {
        res.getWriter().write("span=" + Span.current().getSpanContext() + ";");
        Object context = req.getAttribute(TracingFilter.CONTEXT_ATTRIBUTE);
        res.getWriter()
            .write(
                "attribute="
                    + (context instanceof Context c ? Span.fromContext(c).getSpanContext() : "-")
                    + ";");
        chain.doFilter(req, res);
      };

  @Test
  void theNoopTracerIsRecognisedAndAWrappedOneIsNot() {
    assertThat(TracingFilter.isNoop(OpenTelemetry.noop().getTracer("any"))).isTrue();
    assertThat(TracingFilter.isNoop(lookalike().getTracer(TracingFilter.INSTRUMENTATION_NAME)))
        .isFalse();
  }

  @Test
  void theFastPathAnswersWhatTheFullPathAnswers() throws Exception {
    List<String[]> requests =
        List.of(
            new String[] {"/api/items"},
            new String[] {"/api/items", "X-Tenant", "acme"},
            new String[] {
              "/api/items",
              "X-Tenant",
              "acme",
              "traceparent",
              "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
              "baggage",
              "tenant.id=evil,plan=pro"
            },
            new String[] {"/api/items", "X-Banned", "1", "X-Tenant", "acme"},
            new String[] {"/api/missing", "X-Tenant", "acme"},
            new String[] {"/api/unavailable"},
            new String[] {"/api/named", "X-Tenant", "acme"});
    List<String> fast = answers(OpenTelemetry.propagating(PROPAGATORS), requests);
    List<String> full = answers(lookalike(), requests);
    assertThat(fast).isEqualTo(full);
    assertThat(fast.get(2)).contains("0af7651916cd43dd8448eb211c80319c").contains("plan=pro");
  }

  private static List<String> answers(OpenTelemetry otel, List<String[]> requests)
      throws Exception {
    ExecutorService worker = Executors.newSingleThreadExecutor();
    List<String> answers = new ArrayList<>();
    try (TestServer server =
        TestServer.start(
            new AppServlet(otel, worker),
            TracingFilter.builder().openTelemetry(otel).build(),
            TracedFilter.wrap("shield", SHIELD),
            TracedFilter.wrap(otel, "tenant", new HeaderTenantFilter()),
            TenantTracingFilter.create(),
            SPAN_PROBE)) {
      for (String[] r : requests) {
        String[] headers = java.util.Arrays.copyOfRange(r, 1, r.length);
        HttpResponse<String> response = server.get(r[0], headers);
        // Jetty's error pages name the server's port, which differs between the two servers.
        answers.add(
            response.statusCode()
                + " "
                + response.body().replaceAll("127\\.0\\.0\\.1:\\d+", "127.0.0.1:PORT"));
      }
    } finally {
      worker.shutdownNow();
    }
    return answers;
  }

  /** Tracing as the no-op API does, through a tracer that is not the no-op one itself. */
  private static OpenTelemetry lookalike() {
    Tracer noop = TracerProvider.noop().get(TracingFilter.INSTRUMENTATION_NAME);
    Tracer wrapped =
        new Tracer() {
          @Override
          public SpanBuilder spanBuilder(String name) {
            return noop.spanBuilder(name);
          }
        };
    TracerProvider provider =
        new TracerProvider() {
          @Override
          public Tracer get(String name) {
            return wrapped;
          }

          @Override
          public Tracer get(String name, String version) {
            return wrapped;
          }
        };
    return new OpenTelemetry() {
      @Override
      public TracerProvider getTracerProvider() {
        return provider;
      }

      @Override
      public ContextPropagators getPropagators() {
        return PROPAGATORS;
      }
    };
  }
}
