package dev.tdeveloper.observability.otel;

import io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * An OpenTelemetry SDK as an application would configure one (W3C trace context and baggage
 * propagators), exporting to an {@link InMemorySpanExporter}; lets tests wait for spans that end on
 * server threads after the client already has its response.
 */
final class OtelFixture implements AutoCloseable {
  private static final long WAIT_SECONDS = 30;

  final InMemorySpanExporter exporter = InMemorySpanExporter.create();
  private final Object ended = new Object();
  final OpenTelemetrySdk sdk =
      OpenTelemetrySdk.builder()
          .setTracerProvider(
              SdkTracerProvider.builder()
                  .addSpanProcessor(SimpleSpanProcessor.create(exporter))
                  .addSpanProcessor(new EndSignal())
                  .build())
          .setPropagators(
              ContextPropagators.create(
                  TextMapPropagator.composite(
                      W3CTraceContextPropagator.getInstance(), W3CBaggagePropagator.getInstance())))
          .build();

  /** Returns the finished spans. */
  List<SpanData> spans() {
    return exporter.getFinishedSpanItems();
  }

  /** Waits (30 s at most) until at least {@code count} finished spans match, and returns them. */
  List<SpanData> await(int count, Predicate<SpanData> matching) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    synchronized (ended) {
      while (true) {
        List<SpanData> found = spans().stream().filter(matching).toList();
        if (found.size() >= count) {
          return found;
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError(
              "expected "
                  + count
                  + " matching spans within "
                  + WAIT_SECONDS
                  + " s, got "
                  + spans());
        }
        TimeUnit.NANOSECONDS.timedWait(ended, left);
      }
    }
  }

  /** Waits for the one finished span named {@code name}. */
  SpanData awaitNamed(String name) throws InterruptedException {
    return await(1, span -> span.getName().equals(name)).get(0);
  }

  @Override
  public void close() {
    sdk.close();
  }

  /** Wakes waiters whenever a span ends (after the exporter, registered before it, has it). */
  private final class EndSignal implements SpanProcessor {
    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {}

    @Override
    public boolean isStartRequired() {
      return false;
    }

    @Override
    public void onEnd(ReadableSpan span) {
      synchronized (ended) {
        ended.notifyAll();
      }
    }

    @Override
    public boolean isEndRequired() {
      return true;
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }
}
