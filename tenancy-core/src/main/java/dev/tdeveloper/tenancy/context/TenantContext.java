package dev.tdeveloper.tenancy.context;

import dev.tdeveloper.tenancy.TenantId;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.MDC;

/**
 * The tenant bound to the current thread. A binding lasts for a scope ({@link #run}, {@link #call},
 * {@link #open}); nested scopes restore the outer binding when they end, and the slf4j MDC key
 * {@value #MDC_KEY} always follows the binding so every log line carries the tenant.
 *
 * <p>Bindings are not inherited by new threads and never outlive their scope, so a pooled thread
 * cannot carry one tenant into the next task. To carry a tenant across threads, wrap the task
 * ({@link #wrap(Runnable)}) or the executor ({@link #wrap(ExecutorService)}); for {@link
 * java.util.concurrent.CompletableFuture} stages, which run later on whichever thread completes the
 * previous stage, wrap the stage's function ({@link #wrapFunction(Function)}) or pass {@link
 * #capturing(Executor)}: both capture the tenant when the stage is declared, not when it runs.
 *
 * <p>Some MDC implementations (slf4j's {@code BasicMDCAdapter}) copy the MDC into threads started
 * inside a scope; such a thread starts with the MDC entry but never with the binding, and the first
 * wrapped task it runs resets the entry to match the binding.
 *
 * <p>All methods are static and thread-safe.
 */
public final class TenantContext {
  /** The slf4j MDC key holding the bound tenant id: {@value}. */
  public static final String MDC_KEY = "tenant.id";

  private static final ThreadLocal<Object> CURRENT = new ThreadLocal<>();

  private TenantContext() {}

  /** Returns the tenant bound to the current thread, if any. */
  public static Optional<TenantId> current() {
    return Optional.ofNullable(currentOrNull());
  }

  /**
   * Returns the tenant bound to the current thread.
   *
   * @throws NoTenantBoundException if none is bound
   */
  public static TenantId require() {
    TenantId id = currentOrNull();
    if (id == null) {
      throw new NoTenantBoundException();
    }
    return id;
  }

  /** Runs {@code task} with {@code tenant} bound, restoring the previous binding afterwards. */
  public static void run(TenantId tenant, Runnable task) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(task, "task");
    Object previous = swap(tenant);
    try {
      task.run();
    } finally {
      swap(previous);
    }
  }

  /**
   * Calls {@code task} with {@code tenant} bound, restoring the previous binding afterwards.
   *
   * @throws Exception whatever {@code task} throws
   */
  public static <T> T call(TenantId tenant, Callable<T> task) throws Exception {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(task, "task");
    Object previous = swap(tenant);
    try {
      return task.call();
    } finally {
      swap(previous);
    }
  }

  /**
   * Returns what {@code supplier} supplies with {@code tenant} bound; for code without checked
   * exceptions.
   */
  public static <T> T get(TenantId tenant, Supplier<T> supplier) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(supplier, "supplier");
    Object previous = swap(tenant);
    try {
      return supplier.get();
    } finally {
      swap(previous);
    }
  }

  /**
   * Binds {@code tenant} until the returned scope is closed; use in try-with-resources. Scopes must
   * be closed on the thread that opened them, innermost first.
   */
  public static Scope open(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    Scope scope = new Scope(tenant, CURRENT.get());
    swap(scope);
    return scope;
  }

  /**
   * Binds {@code next} (or clears the binding when null) and returns the previous binding. A
   * binding is a {@link TenantId}, or the {@link Scope} that bound it so that a scope can tell
   * whether it is still the innermost binding even when an inner one binds the same tenant.
   */
  static Object swap(Object next) {
    Object previous = CURRENT.get();
    if (next == null) {
      // set(null), not remove(): the thread keeps its map entry, so the next bind allocates
      // nothing; an entry holding null pins no tenant and no class loader.
      CURRENT.set(null);
      MDC.remove(MDC_KEY);
    } else {
      CURRENT.set(next);
      // Always written: something (a request filter, a logging framework) may have cleared the MDC.
      MDC.put(MDC_KEY, tenantOf(next).value());
    }
    return previous;
  }

  private static TenantId tenantOf(Object binding) {
    return binding instanceof Scope scope ? scope.bound : (TenantId) binding;
  }

  /** Returns the tenant bound to the current thread, or null. */
  private static TenantId currentOrNull() {
    Object binding = CURRENT.get();
    return binding == null ? null : tenantOf(binding);
  }

  /** Returns a task that runs {@code task} with the tenant bound now (or with none, if none is). */
  public static Runnable wrap(Runnable task) {
    Objects.requireNonNull(task, "task");
    TenantId captured = currentOrNull();
    return () -> {
      Object previous = swap(captured);
      try {
        task.run();
      } finally {
        swap(previous);
      }
    };
  }

  /** Returns a callable that calls {@code task} with the tenant bound now (or with none). */
  public static <T> Callable<T> wrap(Callable<T> task) {
    Objects.requireNonNull(task, "task");
    TenantId captured = currentOrNull();
    return () -> {
      Object previous = swap(captured);
      try {
        return task.call();
      } finally {
        swap(previous);
      }
    };
  }

  /** Returns a supplier that runs with the tenant bound now; for {@code supplyAsync}. */
  public static <T> Supplier<T> wrapSupplier(Supplier<T> supplier) {
    Objects.requireNonNull(supplier, "supplier");
    TenantId captured = currentOrNull();
    return () -> {
      Object previous = swap(captured);
      try {
        return supplier.get();
      } finally {
        swap(previous);
      }
    };
  }

  /** Returns a function that runs with the tenant bound now; for {@code thenApply(Async)}. */
  public static <T, R> Function<T, R> wrapFunction(Function<T, R> function) {
    Objects.requireNonNull(function, "function");
    TenantId captured = currentOrNull();
    return value -> {
      Object previous = swap(captured);
      try {
        return function.apply(value);
      } finally {
        swap(previous);
      }
    };
  }

  /** Returns a consumer that runs with the tenant bound now; for {@code thenAccept(Async)}. */
  public static <T> Consumer<T> wrapConsumer(Consumer<T> consumer) {
    Objects.requireNonNull(consumer, "consumer");
    TenantId captured = currentOrNull();
    return value -> {
      Object previous = swap(captured);
      try {
        consumer.accept(value);
      } finally {
        swap(previous);
      }
    };
  }

  /**
   * Returns a function that runs with the tenant bound now; for {@code handle}/{@code thenCombine}.
   */
  public static <T, U, R> BiFunction<T, U, R> wrapBiFunction(BiFunction<T, U, R> function) {
    Objects.requireNonNull(function, "function");
    TenantId captured = currentOrNull();
    return (t, u) -> {
      Object previous = swap(captured);
      try {
        return function.apply(t, u);
      } finally {
        swap(previous);
      }
    };
  }

  /**
   * Returns an executor that runs each task with the tenant bound when the task was submitted to
   * it.
   */
  public static Executor wrap(Executor executor) {
    Objects.requireNonNull(executor, "executor");
    return task -> executor.execute(wrap(task));
  }

  /**
   * Returns an executor service whose tasks (including scheduled and bulk ones) run with the tenant
   * bound when they were submitted. Shutting it down shuts down {@code delegate}.
   */
  public static ExecutorService wrap(ExecutorService delegate) {
    Objects.requireNonNull(delegate, "delegate");
    return new ContextExecutorService<>(delegate);
  }

  /** Returns a scheduled executor service whose tasks run with the tenant bound at submission. */
  public static ScheduledExecutorService wrap(ScheduledExecutorService delegate) {
    Objects.requireNonNull(delegate, "delegate");
    return new ContextScheduledExecutorService(delegate);
  }

  /**
   * Returns an executor pinned to the tenant bound now: every task runs with that tenant, whenever
   * and from whichever thread it is submitted. Pass it to a {@code CompletableFuture}'s {@code
   * *Async} methods when the stage is declared.
   */
  public static Executor capturing(Executor executor) {
    Objects.requireNonNull(executor, "executor");
    TenantId captured = currentOrNull();
    return task -> {
      Objects.requireNonNull(task, "task");
      executor.execute(
          () -> {
            Object previous = swap(captured);
            try {
              task.run();
            } finally {
              swap(previous);
            }
          });
    };
  }

  /** A binding opened by {@link #open}; closing it restores the binding it replaced. */
  public static final class Scope implements AutoCloseable {
    private final TenantId bound;
    private final Object previous;
    private final Thread owner = Thread.currentThread();
    private boolean closed;

    private Scope(TenantId bound, Object previous) {
      this.bound = bound;
      this.previous = previous;
    }

    /** Returns the tenant this scope bound. */
    public TenantId tenant() {
      return bound;
    }

    /**
     * Restores the outer binding. Closing twice does nothing.
     *
     * @throws IllegalStateException if closed on another thread or out of order (an inner scope is
     *     still open)
     */
    @Override
    public void close() {
      if (closed) {
        return;
      }
      if (Thread.currentThread() != owner) {
        throw new IllegalStateException(
            "scope of tenant '" + bound + "' must be closed on thread '" + owner.getName() + "'");
      }
      if (CURRENT.get() != this) {
        throw new IllegalStateException(
            "scope of tenant '"
                + bound
                + "' closed while an inner scope or binding is still open; close scopes innermost"
                + " first");
      }
      closed = true;
      swap(previous);
    }
  }
}
