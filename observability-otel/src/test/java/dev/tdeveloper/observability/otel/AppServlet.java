package dev.tdeveloper.observability.otel;

import dev.tdeveloper.tenancy.context.TenantContext;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The application under the filters. It starts a span {@code app} (tagged with the tenant) and
 * answers with what it saw: {@code tenant=<TenantContext>;baggage=<tenant baggage>;plan=<plan
 * baggage>;outgoing=<baggage header it would send downstream>}. Paths pick other behaviour.
 */
final class AppServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  private final transient OpenTelemetry otel;
  private final transient ExecutorService worker;
  final transient CountDownLatch asyncStarted = new CountDownLatch(1);
  final transient CountDownLatch asyncRelease = new CountDownLatch(1);

  AppServlet(OpenTelemetry otel, ExecutorService worker) {
    this.otel = otel;
    this.worker = TracingExecutors.wrap(worker);
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String path = request.getRequestURI();
    if (path.endsWith("/boom")) {
      throw new IllegalStateException("application failed");
    }
    if (path.endsWith("/unavailable")) {
      response.sendError(503);
      return;
    }
    if (path.endsWith("/missing")) {
      response.sendError(404);
      return;
    }
    if (path.endsWith("/named")) {
      request.setAttribute(TracingFilter.ROUTE_ATTRIBUTE, "/api/items/{id}");
    }
    if (path.endsWith("/redispatch") && request.getDispatcherType() == DispatcherType.REQUEST) {
      request.startAsync().dispatch();
      return;
    }
    if (path.endsWith("/async")) {
      async(request);
      return;
    }
    response.setContentType("text/plain");
    response.getWriter().write(work());
  }

  private void async(HttpServletRequest request) {
    AsyncContext async = request.startAsync();
    worker.execute(
        () -> {
          try {
            asyncStarted.countDown();
            if (!asyncRelease.await(30, TimeUnit.SECONDS)) {
              throw new IllegalStateException("test never released the async request");
            }
            async.getResponse().getWriter().write(work());
          } catch (IOException | InterruptedException | RuntimeException e) {
            ((HttpServletResponse) async.getResponse()).setStatus(500);
          } finally {
            async.complete();
          }
        });
  }

  private String work() {
    Span span = TenantTracing.tag(otel.getTracer("app").spanBuilder("app")).startSpan();
    span.end();
    Map<String, String> outgoing = new TreeMap<>();
    otel.getPropagators()
        .getTextMapPropagator()
        .inject(Context.current(), outgoing, (carrier, key, value) -> carrier.put(key, value));
    return "tenant="
        + TenantContext.current().map(Object::toString).orElse("")
        + ";baggage="
        + TenantTracing.baggageTenant().map(Object::toString).orElse("")
        + ";plan="
        + (Baggage.current().getEntryValue("plan") == null
            ? ""
            : Baggage.current().getEntryValue("plan"))
        + ";outgoing="
        + outgoing.getOrDefault("baggage", "");
  }
}
