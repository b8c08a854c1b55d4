package dev.tdeveloper.web.audit;

import dev.tdeveloper.compliance.audit.AuditEvent;
import dev.tdeveloper.compliance.audit.AuditLogger;
import dev.tdeveloper.compliance.audit.AuditOutcome;
import dev.tdeveloper.tenancy.Tenant;
import dev.tdeveloper.tenancy.internal.UniqueIds;
import dev.tdeveloper.tenancy.time.Ticker;
import dev.tdeveloper.web.internal.SafeText;
import dev.tdeveloper.web.shield.AbuseShieldFilter;
import dev.tdeveloper.web.tenant.TenantFilter;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Audits every HTTP request: once the rest of the chain has returned (or thrown), it logs one
 * {@link AuditEvent} to an {@link AuditLogger}. Map it <b>outermost</b>, before the abuse shield,
 * so that requests refused by the shield, tenant, operator and rate-limit filters are audited too.
 *
 * <table>
 *   <caption>The event</caption>
 *   <tr><th>field</th><th>value</th></tr>
 *   <tr><td>action</td><td>{@code http.} + the lower-case method ({@code http.get}); {@code
 *       http.other} for a method that is not a plain token</td></tr>
 *   <tr><td>resource</td><td>the request path, never the query string (it can carry personal
 *       data)</td></tr>
 *   <tr><td>outcome</td><td>SUCCESS below 400; DENIED for 401, 403 and 429; FAILURE for any
 *       other status from 400 and when the chain threw</td></tr>
 *   <tr><td>tenant</td><td>the tenant {@link TenantFilter} admitted ({@link
 *       TenantFilter#TENANT_ATTRIBUTE}); none for refused and platform requests (the tenant
 *       filter's own rejection events name the tenant a refused request asked for)</td></tr>
 *   <tr><td>actor</td><td>the {@linkplain AuditFilterBuilder#actor actor function}'s answer, else
 *       {@value #ANONYMOUS}</td></tr>
 *   <tr><td>source IP</td><td>the client the shield resolved ({@link
 *       AbuseShieldFilter#CLIENT_IP_ATTRIBUTE}), else the peer address</td></tr>
 *   <tr><td>request id</td><td>a valid {@value #REQUEST_ID_HEADER} header (1 to 64 characters of
 *       {@code A-Z a-z 0-9 . _ -}), else a fresh unique id (32 hex digits, {@link
 *       UniqueIds}); echoed in the response header and kept in
 *       {@link #REQUEST_ID_ATTRIBUTE}</td></tr>
 *   <tr><td>details</td><td>{@code method}, {@code status}, and {@code error} (the exception's
 *       class) when the chain threw</td></tr>
 * </table>
 *
 * <p><b>The response never waits for the audit log, and is never changed by it.</b> The filter
 * calls {@link AuditLogger#submit}, which pseudonymizes the event and returns at once (the entry is
 * encoded, hashed and made durable in the background on the logger's writer thread, batched by the
 * logger's durability mode); it waits only when the logger's queue is full, for at most the
 * logger's offer timeout. If the logger refuses the event (backpressure, a log that failed closed,
 * a closed logger), the request has already been served: failing it now would not undo it, so the
 * filter counts the refusal ({@link #refusedCount()}, for monitoring and alerting) and warns
 * through slf4j at most once per second. Choose this filter when losing audit events under overload
 * is acceptable but slowing every request is not; a service that must not serve what it cannot
 * audit should check {@link #refusedCount()} from its health check.
 *
 * <p>An asynchronous request is audited when its {@code AsyncContext} completes, errors or times
 * out, with its final status. Later dispatches (forward, include, error, async) are not filtered
 * again when the filter is registered for {@code REQUEST} only, which is the intended mapping.
 * Thread-safe and immutable: one instance serves every request.
 */
public final class AuditFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(AuditFilter.class);

  /** The header carrying the request id, read and echoed: {@value}. */
  public static final String REQUEST_ID_HEADER = "X-Request-Id";

  /** The request attribute holding the request id used in the event: {@value}. */
  public static final String REQUEST_ID_ATTRIBUTE = "dev.tdeveloper.web.requestId";

  /** The actor of requests no one authenticated: {@value}. */
  public static final String ANONYMOUS = "anonymous";

  private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final Pattern METHOD = Pattern.compile("[a-z][a-z0-9-]{0,31}");

  /** The actions of the standard methods, computed once: every request names one. */
  private static final Map<String, String> STANDARD_ACTIONS =
      Stream.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT")
          .collect(Collectors.toUnmodifiableMap(m -> m, AuditFilter::computedAction));

  private static final long WARN_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final transient AuditLogger logger;
  private final transient Function<HttpServletRequest, Optional<String>> actor;
  private final transient InstantSource clock;
  private final transient Ticker ticker;
  private final transient LongAdder refused = new LongAdder();
  private final transient AtomicLong lastWarning;

  AuditFilter(AuditFilterBuilder builder) {
    this.logger = builder.logger;
    this.actor = builder.actor == null ? AuditFilterBuilder::operatorPrincipal : builder.actor;
    this.clock = builder.clock == null ? InstantSource.system() : builder.clock;
    this.ticker = builder.ticker == null ? Ticker.system() : builder.ticker;
    this.lastWarning = new AtomicLong(ticker.read() - WARN_INTERVAL_NANOS);
  }

  /** Returns a builder; a logger is required. */
  public static AuditFilterBuilder builder() {
    return new AuditFilterBuilder();
  }

  /**
   * Returns the operator principal the {@code OperatorFilter} authenticated on this request, if
   * any: the default actor, and a building block for your own actor function.
   */
  public static Optional<String> operatorPrincipal(HttpServletRequest request) {
    return AuditFilterBuilder.operatorPrincipal(request);
  }

  /** Returns how many events the logger refused since the filter was built. */
  public long refusedCount() {
    return refused.sum();
  }

  /**
   * Runs the chain, then audits the request as described in the class documentation.
   *
   * @throws ServletException as the chain throws
   * @throws IOException as the chain throws
   */
  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    Instant at = clock.instant();
    String requestId = requestId(request.getHeader(REQUEST_ID_HEADER));
    request.setAttribute(REQUEST_ID_ATTRIBUTE, requestId);
    response.setHeader(REQUEST_ID_HEADER, requestId);
    Optional<Throwable> failure = Optional.empty();
    try {
      chain.doFilter(request, response);
    } catch (IOException | ServletException | RuntimeException | Error e) {
      failure = Optional.of(e);
      throw e;
    } finally {
      if (failure.isEmpty() && request.isAsyncStarted()) {
        request.getAsyncContext().addListener(new AuditOnCompletion(at, requestId));
      } else {
        audit(at, requestId, request, response, failure);
      }
    }
  }

  private void audit(
      Instant at,
      String requestId,
      HttpServletRequest request,
      HttpServletResponse response,
      Optional<Throwable> failure) {
    try {
      logger.submit(event(at, requestId, request, response, failure));
    } catch (RuntimeException e) {
      refused.increment();
      long now = ticker.read();
      long last = lastWarning.get();
      if (now - last >= WARN_INTERVAL_NANOS && lastWarning.compareAndSet(last, now)) {
        LOG.warn(
            "audit log refused the event of a request ({} refused so far): {}",
            refused.sum(),
            e.toString());
      }
    }
  }

  private AuditEvent event(
      Instant at,
      String requestId,
      HttpServletRequest request,
      HttpServletResponse response,
      Optional<Throwable> failure) {
    String method = request.getMethod() == null ? "" : request.getMethod();
    int status = response.getStatus();
    AuditEvent.Builder b =
        AuditEvent.builder(action(method), at)
            .resource(resource(request.getRequestURI()))
            .outcome(failure.isPresent() ? AuditOutcome.FAILURE : outcome(status))
            .actor(text(actor.apply(request).orElse(ANONYMOUS), 256).orElse(ANONYMOUS))
            .requestId(requestId)
            .detail("method", text(method, 32).orElse("-"))
            .detail("status", Integer.toString(status));
    failure.ifPresent(f -> b.detail("error", f.getClass().getName()));
    if (request.getAttribute(TenantFilter.TENANT_ATTRIBUTE) instanceof Tenant tenant) {
      b.tenant(tenant.id());
    }
    Object client = request.getAttribute(AbuseShieldFilter.CLIENT_IP_ATTRIBUTE);
    String ip = client != null ? client.toString() : request.getRemoteAddr();
    if (ip != null) {
      try {
        b.sourceIp(ip);
      } catch (IllegalArgumentException notAnAddress) {
        // A peer that is no IP address (a Unix socket) is audited without one.
      }
    }
    return b.build();
  }

  /** Returns the event's action for {@code method}: {@code http.} and the method in lower case. */
  static String action(String method) {
    String standard = STANDARD_ACTIONS.get(method);
    return standard != null ? standard : computedAction(method);
  }

  /** {@code http.} + the lower-case method when it is a plain token, else {@code http.other}. */
  static String computedAction(String method) {
    String lower = method.toLowerCase(Locale.ROOT);
    return METHOD.matcher(lower).matches() ? "http." + lower : "http.other";
  }

  /** Maps a final status to an outcome: below 400 success; 401, 403, 429 denied; else failure. */
  static AuditOutcome outcome(int status) {
    if (status < 400) {
      return AuditOutcome.SUCCESS;
    }
    return status == 401 || status == 403 || status == 429
        ? AuditOutcome.DENIED
        : AuditOutcome.FAILURE;
  }

  private static String requestId(String header) {
    return header != null && REQUEST_ID.matcher(header).matches() ? header : UniqueIds.next();
  }

  private static String resource(String uri) {
    if (uri == null || uri.isEmpty()) {
      return "/";
    }
    int query = uri.indexOf('?'); // getRequestURI has none; a wrapped request might
    return text(query >= 0 ? uri.substring(0, query) : uri, 512).orElse("/");
  }

  private static Optional<String> text(String value, int max) {
    if (value == null || value.isEmpty()) {
      return Optional.empty();
    }
    String clean = SafeText.clean(value, max);
    return Optional.of(clean.length() <= max ? clean : clean.substring(0, max));
  }

  /** Audits an asynchronous request once it ended, with its final status. */
  private final class AuditOnCompletion implements AsyncListener {
    private final Instant at;
    private final String requestId;

    AuditOnCompletion(Instant at, String requestId) {
      this.at = at;
      this.requestId = requestId;
    }

    @Override
    public void onComplete(AsyncEvent event) {
      audit(
          at,
          requestId,
          (HttpServletRequest) event.getSuppliedRequest(),
          (HttpServletResponse) event.getSuppliedResponse(),
          Optional.ofNullable(event.getThrowable()));
    }

    @Override
    public void onTimeout(AsyncEvent event) {
      // onComplete follows a timeout and reports the final status.
    }

    @Override
    public void onError(AsyncEvent event) {
      // onComplete follows an error; the throwable is reported there when the container keeps it.
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
      event.getAsyncContext().addListener(this);
    }
  }
}
