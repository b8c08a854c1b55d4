package dev.tdeveloper.observability.otel;

import dev.tdeveloper.tenancy.context.TenantContext;
import io.opentelemetry.context.Context;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Carries both the OpenTelemetry {@link Context} (current span and baggage, including the tenant
 * entry) and the {@link TenantContext} binding from the thread that submits a task to the thread
 * that runs it, so a task's spans are children of the submitter's span and the task runs for the
 * submitter's tenant. Both are captured at submission and removed when the task ends, so a pooled
 * thread never carries one task's span or tenant into the next. It composes {@link
 * TenantContext#wrap(ExecutorService)} with {@link Context#taskWrapping(ExecutorService)}.
 *
 * <p>All methods are static and thread-safe; the returned executors are as thread-safe as the
 * executors they wrap, and shutting one down shuts down its delegate.
 */
public final class TracingExecutors {
  private TracingExecutors() {}

  /** Returns an executor running each task with the span, baggage and tenant of its submitter. */
  public static Executor wrap(Executor executor) {
    Objects.requireNonNull(executor, "executor");
    return TenantContext.wrap(Context.taskWrapping(executor));
  }

  /**
   * Returns an executor service running each task (including bulk {@code invokeAll}/{@code
   * invokeAny} ones) with the span, baggage and tenant of its submitter.
   */
  public static ExecutorService wrap(ExecutorService executor) {
    Objects.requireNonNull(executor, "executor");
    return TenantContext.wrap(Context.taskWrapping(executor));
  }

  /**
   * Returns a scheduled executor service running each task, delayed or periodic, with the span,
   * baggage and tenant of its submitter (every run of a periodic task with those of the call that
   * scheduled it).
   */
  public static ScheduledExecutorService wrap(ScheduledExecutorService executor) {
    Objects.requireNonNull(executor, "executor");
    return TenantContext.wrap(Context.taskWrapping(executor));
  }

  /** Returns a task that runs {@code task} with the span, baggage and tenant current now. */
  public static Runnable wrap(Runnable task) {
    Objects.requireNonNull(task, "task");
    return TenantContext.wrap(Context.current().wrap(task));
  }

  /** Returns a callable that calls {@code task} with the span, baggage and tenant current now. */
  public static <T> Callable<T> wrap(Callable<T> task) {
    Objects.requireNonNull(task, "task");
    return TenantContext.wrap(Context.current().wrap(task));
  }
}
