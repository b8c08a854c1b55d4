package dev.tdeveloper.observability.otel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.context.TenantContext;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TracingExecutorsTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final TenantId GLOBEX = TenantId.of("globex");

  private final OtelFixture otel = new OtelFixture();
  private final Tracer tracer = otel.sdk.getTracer("test");
  private final ExecutorService single = Executors.newSingleThreadExecutor();
  private final ScheduledExecutorService scheduled = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void close() {
    single.shutdownNow();
    scheduled.shutdownNow();
    otel.close();
  }

  /** What a task saw of the context on the thread it ran on. */
  private record Seen(
      String thread, SpanContext span, Optional<String> baggageTenant, Optional<TenantId> tenant) {
    static Seen now() {
      return new Seen(
          Thread.currentThread().getName(),
          Span.current().getSpanContext(),
          Optional.ofNullable(Baggage.current().getEntryValue(TenantTracing.BAGGAGE_KEY)),
          TenantContext.current());
    }
  }

  /** Starts a span named "child" as the task's work, and reports what the task saw. */
  private Callable<Seen> childTask() {
    return () -> {
      Span child = tracer.spanBuilder("child").startSpan();
      child.end();
      return Seen.now();
    };
  }

  @Test
  void taskOnAnotherThreadSeesParentSpanTenantBaggageAndTenantContext() throws Exception {
    ExecutorService traced = TracingExecutors.wrap(single);
    Span parent = tracer.spanBuilder("parent").startSpan();
    Seen seen;
    try (Scope ignored = parent.makeCurrent();
        TenantTracing.Scope tenant = TenantTracing.open(ACME)) {
      seen = traced.submit(childTask()).get(30, TimeUnit.SECONDS);
    } finally {
      parent.end();
    }
    assertThat(seen.thread()).isNotEqualTo(Thread.currentThread().getName());
    assertThat(seen.span()).isEqualTo(parent.getSpanContext());
    assertThat(seen.baggageTenant()).contains("acme");
    assertThat(seen.tenant()).contains(ACME);
    SpanData child = otel.awaitNamed("child");
    assertThat(child.getParentSpanId()).isEqualTo(parent.getSpanContext().getSpanId());
    assertThat(child.getTraceId()).isEqualTo(parent.getSpanContext().getTraceId());
  }

  @Test
  void nothingLeaksIntoTheNextTaskOnTheSameThread() throws Exception {
    ExecutorService traced = TracingExecutors.wrap(single);
    Span parent = tracer.spanBuilder("parent").startSpan();
    Seen inside;
    try (Scope ignored = parent.makeCurrent();
        TenantTracing.Scope tenant = TenantTracing.open(ACME)) {
      inside = traced.submit(Seen::now).get(30, TimeUnit.SECONDS);
    } finally {
      parent.end();
    }
    // The same pool thread, running a task submitted without any context.
    Seen after = single.submit(Seen::now).get(30, TimeUnit.SECONDS);
    Seen afterTraced = traced.submit(Seen::now).get(30, TimeUnit.SECONDS);
    assertThat(after.thread()).isEqualTo(inside.thread());
    for (Seen seen : List.of(after, afterTraced)) {
      assertThat(seen.span().isValid()).isFalse();
      assertThat(seen.baggageTenant()).isEmpty();
      assertThat(seen.tenant()).isEmpty();
    }
  }

  @Test
  void eachTaskKeepsTheTenantOfItsOwnSubmitter() throws Exception {
    ExecutorService traced = TracingExecutors.wrap(single);
    CompletableFuture<Seen> acme;
    CompletableFuture<Seen> globex;
    CompletableFuture<Void> gate = new CompletableFuture<>();
    // Hold the only thread so both tasks queue up, then run back to back on it.
    traced.submit(() -> gate.get(30, TimeUnit.SECONDS));
    try (TenantTracing.Scope scope = TenantTracing.open(ACME)) {
      acme = CompletableFuture.supplyAsync(Seen::now, traced);
    }
    try (TenantTracing.Scope scope = TenantTracing.open(GLOBEX)) {
      globex = CompletableFuture.supplyAsync(Seen::now, traced);
    }
    gate.complete(null);
    assertThat(acme.get(30, TimeUnit.SECONDS).tenant()).contains(ACME);
    assertThat(acme.get().baggageTenant()).contains("acme");
    assertThat(globex.get(30, TimeUnit.SECONDS).tenant()).contains(GLOBEX);
    assertThat(globex.get().baggageTenant()).contains("globex");
  }

  @Test
  void bulkInvokeAllCarriesTheContextToEveryTask() throws Exception {
    ExecutorService traced = TracingExecutors.wrap(Executors.newFixedThreadPool(2));
    try {
      Span parent = tracer.spanBuilder("parent").startSpan();
      List<Seen> seen;
      try (Scope ignored = parent.makeCurrent();
          TenantTracing.Scope tenant = TenantTracing.open(GLOBEX)) {
        seen =
            traced.invokeAll(List.of(childTask(), childTask(), childTask())).stream()
                .map(TracingExecutorsTest::done)
                .toList();
      } finally {
        parent.end();
      }
      assertThat(seen)
          .allSatisfy(
              s -> {
                assertThat(s.span()).isEqualTo(parent.getSpanContext());
                assertThat(s.tenant()).contains(GLOBEX);
                assertThat(s.baggageTenant()).contains("globex");
              });
    } finally {
      traced.shutdownNow();
    }
    assertThat(traced.isShutdown()).isTrue();
  }

  @Test
  void scheduledTaskRunsWithTheContextOfTheCallThatScheduledIt() throws Exception {
    ScheduledExecutorService traced = TracingExecutors.wrap(scheduled);
    Span parent = tracer.spanBuilder("parent").startSpan();
    Seen seen;
    try (Scope ignored = parent.makeCurrent();
        TenantTracing.Scope tenant = TenantTracing.open(ACME)) {
      seen = traced.schedule(childTask(), 0, TimeUnit.MILLISECONDS).get(30, TimeUnit.SECONDS);
    } finally {
      parent.end();
    }
    assertThat(seen.span()).isEqualTo(parent.getSpanContext());
    assertThat(seen.tenant()).contains(ACME);
    assertThat(seen.baggageTenant()).contains("acme");
    Seen after = scheduled.submit(Seen::now).get(30, TimeUnit.SECONDS);
    assertThat(after.span().isValid()).isFalse();
    assertThat(after.tenant()).isEmpty();
    assertThat(after.baggageTenant()).isEmpty();
  }

  @Test
  void plainExecutorAndWrappedTasksCarryTheContext() throws Exception {
    Span parent = tracer.spanBuilder("parent").startSpan();
    CompletableFuture<Seen> viaExecutor = new CompletableFuture<>();
    Callable<Seen> wrappedCallable;
    Runnable wrappedRunnable;
    CompletableFuture<Seen> viaRunnable = new CompletableFuture<>();
    try (Scope ignored = parent.makeCurrent();
        TenantTracing.Scope tenant = TenantTracing.open(ACME)) {
      TracingExecutors.wrap((java.util.concurrent.Executor) single)
          .execute(() -> viaExecutor.complete(Seen.now()));
      wrappedCallable = TracingExecutors.wrap(childTask());
      wrappedRunnable = TracingExecutors.wrap((Runnable) () -> viaRunnable.complete(Seen.now()));
    } finally {
      parent.end();
    }
    Seen viaCallable = single.submit(wrappedCallable).get(30, TimeUnit.SECONDS);
    single.submit(wrappedRunnable).get(30, TimeUnit.SECONDS);
    for (Seen seen :
        List.of(
            viaExecutor.get(30, TimeUnit.SECONDS),
            viaCallable,
            viaRunnable.get(30, TimeUnit.SECONDS))) {
      assertThat(seen.span()).isEqualTo(parent.getSpanContext());
      assertThat(seen.tenant()).contains(ACME);
      assertThat(seen.baggageTenant()).contains("acme");
    }
    assertThat(TenantContext.current()).isEmpty();
  }

  private static <T> T done(java.util.concurrent.Future<T> future) {
    try {
      return future.get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void nullsAreRejectedByName() {
    assertThatThrownBy(() -> TracingExecutors.wrap((ExecutorService) null)).hasMessage("executor");
    assertThatThrownBy(() -> TracingExecutors.wrap((Runnable) null)).hasMessage("task");
  }
}
