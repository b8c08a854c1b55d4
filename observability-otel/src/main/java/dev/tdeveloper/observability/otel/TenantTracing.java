package dev.tdeveloper.observability.otel;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.context.TenantContext;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.context.Context;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Puts the tenant into the trace: binds it to {@link TenantContext}, adds it to the OpenTelemetry
 * {@link Baggage} as {@value #BAGGAGE_KEY} (so propagators carry it to downstream services), and
 * sets the span attribute {@link #ATTRIBUTE} on the current span.
 *
 * <p>The OpenTelemetry API cannot tag spans it does not start: spans the application starts itself
 * carry the tenant when started through {@link #tag(SpanBuilder)}, or for every span at once when
 * the application's SDK copies baggage into attributes (the contrib {@code BaggageSpanProcessor}).
 *
 * <p>Baggage crosses process boundaries and is sent by clients too: never authorize on a tenant
 * read from baggage ({@link #baggageTenant()}); {@link TracingFilter} drops an incoming {@value
 * #BAGGAGE_KEY} entry unless told to trust it.
 *
 * <p>All methods are static and thread-safe.
 */
public final class TenantTracing {
  /** The baggage entry holding the tenant id: {@value}. */
  public static final String BAGGAGE_KEY = "tenant.id";

  /** The span attribute holding the tenant id: {@code tenant.id}. */
  public static final AttributeKey<String> ATTRIBUTE = AttributeKey.stringKey("tenant.id");

  /**
   * The baggage of a request that brought none (the common case: the tracing filter drops an
   * incoming tenant entry), built once per tenant: baggage is immutable, and building it sorts and
   * copies its entries on every request.
   */
  private static final Map<String, Baggage> TENANT_ONLY = new ConcurrentHashMap<>();

  /** How many tenants' baggage is kept; beyond, baggage is built per request: {@value}. */
  static final int CACHED_TENANTS = 4096;

  private TenantTracing() {}

  /**
   * Binds {@code tenant} to {@link TenantContext} and the OpenTelemetry baggage until the returned
   * scope is closed, and sets {@link #ATTRIBUTE} on the current span (if it is recording). Use in
   * try-with-resources; close on the opening thread, innermost scope first.
   *
   * @throws NullPointerException if {@code tenant} is null
   */
  public static Scope open(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    TenantContext.Scope tenantScope = TenantContext.open(tenant);
    try {
      Span.current().setAttribute(ATTRIBUTE, tenant.value());
      return new Scope(tenantScope, withTenant(Context.current(), tenant).makeCurrent());
    } catch (RuntimeException | Error e) {
      tenantScope.close();
      throw e;
    }
  }

  /** Runs {@code task} inside {@link #open(TenantId) open(tenant)}. */
  public static void run(TenantId tenant, Runnable task) {
    Objects.requireNonNull(task, "task");
    try (Scope ignored = open(tenant)) {
      task.run();
    }
  }

  /**
   * Calls {@code task} inside {@link #open(TenantId) open(tenant)}.
   *
   * @throws Exception whatever {@code task} throws
   */
  public static <T> T call(TenantId tenant, Callable<T> task) throws Exception {
    Objects.requireNonNull(task, "task");
    try (Scope ignored = open(tenant)) {
      return task.call();
    }
  }

  /** Returns {@code context} with the tenant set in its baggage (other entries kept). */
  public static Context withTenant(Context context, TenantId tenant) {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(tenant, "tenant");
    Baggage baggage = Baggage.fromContext(context);
    Baggage tagged =
        baggage.isEmpty() ? tenantOnly(tenant.value()) : tagged(baggage, tenant.value());
    return tagged.storeInContext(context);
  }

  /** Baggage holding only {@code tenant}: cached for the first {@link #CACHED_TENANTS} tenants. */
  static Baggage tenantOnly(String tenant) {
    Baggage cached = TENANT_ONLY.get(tenant);
    if (cached != null) {
      return cached;
    }
    Baggage built = tagged(Baggage.empty(), tenant);
    if (TENANT_ONLY.size() < CACHED_TENANTS) {
      TENANT_ONLY.putIfAbsent(tenant, built);
    }
    return built;
  }

  /** The plain path: {@code baggage} with {@value #BAGGAGE_KEY} set to {@code tenant}. */
  static Baggage tagged(Baggage baggage, String tenant) {
    return baggage.toBuilder().put(BAGGAGE_KEY, tenant).build();
  }

  /** Returns {@code context} without the tenant entry in its baggage (other entries kept). */
  public static Context withoutTenant(Context context) {
    Objects.requireNonNull(context, "context");
    Baggage baggage = Baggage.fromContext(context);
    if (baggage.getEntryValue(BAGGAGE_KEY) == null) {
      return context;
    }
    return baggage.toBuilder().remove(BAGGAGE_KEY).build().storeInContext(context);
  }

  /**
   * Sets {@link #ATTRIBUTE} on {@code builder} when a tenant is bound to {@link TenantContext};
   * returns {@code builder}.
   */
  public static SpanBuilder tag(SpanBuilder builder) {
    Objects.requireNonNull(builder, "builder");
    TenantContext.current().ifPresent(id -> builder.setAttribute(ATTRIBUTE, id.value()));
    return builder;
  }

  /**
   * Returns the tenant named by the current baggage, if it holds a valid tenant id. The value may
   * come from another process: use it for correlation, never for authorization.
   */
  public static Optional<TenantId> baggageTenant() {
    String value = Baggage.current().getEntryValue(BAGGAGE_KEY);
    return value != null && TenantId.isValid(value)
        ? Optional.of(TenantId.of(value))
        : Optional.empty();
  }

  /**
   * The bindings made by {@link TenantTracing#open}; closing it restores the previous tenant and
   * OpenTelemetry context. Not thread-safe: close it on the thread that opened it.
   */
  public static final class Scope implements AutoCloseable {
    private final TenantContext.Scope tenantScope;
    private final io.opentelemetry.context.Scope otelScope;
    private final Thread owner = Thread.currentThread();
    private boolean closed;

    private Scope(TenantContext.Scope tenantScope, io.opentelemetry.context.Scope otelScope) {
      this.tenantScope = tenantScope;
      this.otelScope = otelScope;
    }

    /** Returns the tenant this scope bound. */
    public TenantId tenant() {
      return tenantScope.tenant();
    }

    /**
     * Restores the outer bindings; closing twice does nothing.
     *
     * @throws IllegalStateException if closed on another thread or before an inner tenant scope
     */
    @Override
    public void close() {
      if (closed) {
        return;
      }
      if (Thread.currentThread() != owner) {
        throw new IllegalStateException(
            "tracing scope of tenant '"
                + tenant()
                + "' must be closed on thread '"
                + owner.getName()
                + "'");
      }
      closed = true;
      try {
        otelScope.close();
      } finally {
        tenantScope.close();
      }
    }
  }
}
