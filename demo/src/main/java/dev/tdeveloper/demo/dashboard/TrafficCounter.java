package dev.tdeveloper.demo.dashboard;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.context.TenantContext;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Counts the demo's requests per tenant and outcome over the last {@value #WINDOW_SECONDS} seconds
 * of the injected clock, and the requests the abuse shield refused, for the dashboard. Nothing else
 * in the demo does: the usage meter counts API requests per hour and no outcome, the autoscaler's
 * counter counts every request and no tenant. Each tenant has a ring of one-second buckets, so the
 * memory per tenant is fixed however much traffic it sends; only tenants the tenant filter resolved
 * (registered ones) are counted. Thread-safe.
 */
public final class TrafficCounter {
  /** The length of the window counted, in seconds: {@value}. */
  public static final int WINDOW_SECONDS = 60;

  private static final int REQUESTS = 0;
  private static final int SERVER_ERRORS = 1;
  private static final int RATE_LIMITED = 2;
  private static final int CLIENT_ERRORS = 3;

  /** The shield's refusals by status: 403 (deny list, ban), 429 (heavy hitter), 503 (overload). */
  private static final String[] SHIELD_STATUSES = {"403", "429", "503", "other"};

  private final InstantSource clock;
  private final ConcurrentMap<TenantId, SecondBuckets> tenants = new ConcurrentHashMap<>();
  private final SecondBuckets shield =
      new SecondBuckets(WINDOW_SECONDS, 1 + SHIELD_STATUSES.length);

  /** Counts by {@code clock}. */
  public TrafficCounter(InstantSource clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Returns the filter counting each request of the tenant bound to it, by the status it answered
   * (a request that throws counts as a server error). Map it after the tenant filter and before the
   * rate limit, so rate-limited requests are counted; requests with no tenant bound pass uncounted.
   */
  public Filter tenantFilter() {
    return this::countTenantRequest;
  }

  /**
   * Returns {@code shield} wrapped so that the requests it refuses (answers without calling the
   * rest of the chain) are counted by the status answered; map it where the shield would be. One
   * filter instead of a filter before and one after the shield marking a request attribute.
   */
  public Filter countingShield(Filter shield) {
    return new ShieldCounting(Objects.requireNonNull(shield, "shield"));
  }

  /** Records one request of {@code tenant} that answered {@code status}, now. */
  public void record(TenantId tenant, int status) {
    Objects.requireNonNull(tenant, "tenant");
    int outcome =
        status >= 500
            ? SERVER_ERRORS
            : status == 429 ? RATE_LIMITED : status >= 400 ? CLIENT_ERRORS : REQUESTS;
    SecondBuckets buckets = tenants.get(tenant);
    if (buckets == null) {
      buckets = tenants.computeIfAbsent(tenant, t -> new SecondBuckets(WINDOW_SECONDS, 4));
    }
    buckets.add(second(), REQUESTS, outcome);
  }

  /** Returns what {@code tenant}'s requests came to over the window ending now. */
  public TrafficCounts tenant(TenantId tenant) {
    SecondBuckets buckets = tenants.get(Objects.requireNonNull(tenant, "tenant"));
    if (buckets == null) {
      return TrafficCounts.none(WINDOW_SECONDS);
    }
    long[] sums = buckets.sums(second());
    return new TrafficCounts(
        sums[REQUESTS],
        sums[SERVER_ERRORS],
        sums[RATE_LIMITED],
        sums[CLIENT_ERRORS],
        WINDOW_SECONDS);
  }

  /**
   * Returns the requests the abuse shield refused over the window ending now: {@code total} and the
   * count per status ({@code 403}, {@code 429}, {@code 503}, {@code other}).
   */
  public Map<String, Long> shieldRefusals() {
    long[] sums = shield.sums(second());
    Map<String, Long> view = new LinkedHashMap<>();
    view.put("total", sums[0]);
    for (int i = 0; i < SHIELD_STATUSES.length; i++) {
      view.put(SHIELD_STATUSES[i], sums[i + 1]);
    }
    return view;
  }

  private void countTenantRequest(
      ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    Optional<TenantId> tenant = TenantContext.current();
    if (tenant.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    int status = 500;
    try {
      chain.doFilter(request, response);
      status = status(response);
    } finally {
      record(tenant.get(), status);
    }
  }

  /** Counts a request the shield answered itself with {@code status}. */
  private void countShieldRefusal(int status) {
    int slot =
        switch (status) {
          case 403 -> 1;
          case 429 -> 2;
          case 503 -> 3;
          default -> 4;
        };
    shield.add(second(), 0, slot);
  }

  /** The shield filter, counting what it refuses; lifecycle calls go to the shield. */
  private final class ShieldCounting implements Filter {
    private final Filter shieldFilter;

    ShieldCounting(Filter shieldFilter) {
      this.shieldFilter = shieldFilter;
    }

    @Override
    public void init(FilterConfig config) throws ServletException {
      shieldFilter.init(config);
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
        throws IOException, ServletException {
      Passing passing = new Passing(chain);
      shieldFilter.doFilter(request, response, passing);
      if (!passing.passed) {
        countShieldRefusal(status(response));
      }
    }

    @Override
    public void destroy() {
      shieldFilter.destroy();
    }
  }

  /** The rest of the chain, noting whether the shield let the request through. */
  private static final class Passing implements FilterChain {
    private final FilterChain chain;
    private boolean passed;

    Passing(FilterChain chain) {
      this.chain = chain;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response)
        throws IOException, ServletException {
      passed = true;
      chain.doFilter(request, response);
    }
  }

  private static int status(ServletResponse response) {
    return response instanceof HttpServletResponse http ? http.getStatus() : 200;
  }

  /** The clock's epoch second, from its milliseconds: no {@code Instant} per request. */
  private long second() {
    return Math.floorDiv(clock.millis(), 1000L);
  }
}
