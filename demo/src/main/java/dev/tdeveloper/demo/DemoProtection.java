package dev.tdeveloper.demo;

import dev.tdeveloper.observability.micrometer.TdeveloperMetrics;
import dev.tdeveloper.security.ratelimit.RateLimitEvent;
import dev.tdeveloper.security.ratelimit.RateLimitKey;
import dev.tdeveloper.security.ratelimit.RateLimiter;
import dev.tdeveloper.security.ratelimit.RateLimiterBuilder;
import dev.tdeveloper.security.ratelimit.TenantRateLimitPolicies;
import dev.tdeveloper.security.shield.AbuseShield;
import dev.tdeveloper.security.shield.AdaptiveConcurrencyLimit;
import dev.tdeveloper.security.shield.Dimension;
import dev.tdeveloper.security.shield.HeavyHitterConfig;
import dev.tdeveloper.security.shield.ShieldEvent;
import dev.tdeveloper.security.spi.RateLimiterStore;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.config.ConfigException;
import dev.tdeveloper.tenancy.config.TenantConfig;
import dev.tdeveloper.tenancy.time.Ticker;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The traffic protection of the demo: the abuse shield every request meets first, and the
 * per-tenant rate limiter whose plan limits come from {@code tenants.yaml} and follow its reloads,
 * each tenant on its plan in the registry (a tenant created at run time on {@code enterprise} gets
 * enterprise limits). Thread-safe.
 *
 * <p>Shield defaults: no allow, deny or trusted-proxy list (the demo listens on localhost; add your
 * proxies to the filter's resolver before deploying behind one); a client IP making more than
 * {@value #IP_REQUESTS_PER_MINUTE} requests within a minute is banned (1 minute, doubling per
 * repeat offence, up to an hour), which is far above any plan's sustained rate so the rate limiter
 * answers 429 long before; and an adaptive concurrency limit of {@value #INITIAL_CONCURRENCY}
 * requests in flight, between {@value #MIN_CONCURRENCY} and {@value #MAX_CONCURRENCY}, with a 1 s
 * latency target. The environment variable {@value #IP_LIMIT_ENV} overrides the per-IP limit, for a
 * load test that drives the demo from one address.
 */
final class DemoProtection {
  private static final Logger LOG = LoggerFactory.getLogger(DemoProtection.class);

  /** Requests per minute above which one client IP is banned. */
  static final int IP_REQUESTS_PER_MINUTE = 6000;

  /** Overrides {@link #IP_REQUESTS_PER_MINUTE}: a whole number of requests, at least 1. */
  static final String IP_LIMIT_ENV = "DEMO_SHIELD_IP_REQUESTS_PER_MINUTE";

  static final int INITIAL_CONCURRENCY = 100;
  static final int MIN_CONCURRENCY = 10;
  static final int MAX_CONCURRENCY = 1000;

  final AbuseShield shield;
  final TenantRateLimitPolicies policies;
  final RateLimiter<RateLimitKey> limiter;

  /**
   * Wires the protection of {@code config}, timed by {@code ticker}. Bans and rate-limit store
   * failures go to the audit log; the limiter's state is kept in {@code store} when given (shared
   * between instances), else in this process; each blocked or limited request is audited by the
   * audit filter, so the per-request shield and limiter events are not audited twice (under attack
   * they come at the attack's rate). Each tenant's limits are those of the plan {@code planLookup}
   * answers (the registry's), else of its plan in the file.
   *
   * @throws ConfigException if a rate-limit setting of {@code config} is bad
   */
  DemoProtection(
      TenantConfig config,
      Ticker ticker,
      DemoAudit audit,
      TdeveloperMetrics meters,
      Optional<RateLimiterStore> store,
      Function<TenantId, Optional<String>> planLookup) {
    this.policies = TenantRateLimitPolicies.of(config, planLookup);
    RateLimiterBuilder<RateLimitKey> limits =
        RateLimiter.<RateLimitKey>builder()
            .policyResolver(policies::forKey)
            .listener(DemoProtection::log)
            .listener(audit.listener(e -> e instanceof RateLimitEvent.StoreFailed))
            .listener(meters.rateLimitListener());
    // Shared by every instance (Redis, timed by the server's clock; the store's key prefix names
    // the demo), else in this process, timed by the ticker.
    store.ifPresentOrElse(
        s -> limits.store(s, RateLimitKey::toString), () -> limits.ticker(ticker));
    this.limiter = limits.build();
    this.shield =
        AbuseShield.builder()
            .ticker(ticker)
            .heavyHitters(
                Dimension.CLIENT_IP,
                HeavyHitterConfig.of(ipRequestsPerMinute(System.getenv()), Duration.ofMinutes(1)))
            .concurrencyLimit(
                AdaptiveConcurrencyLimit.builder()
                    .initialLimit(INITIAL_CONCURRENCY)
                    .minLimit(MIN_CONCURRENCY)
                    .maxLimit(MAX_CONCURRENCY)
                    .latencyTarget(Duration.ofSeconds(1))
                    .ticker(ticker)
                    .build())
            .listener(DemoProtection::log)
            .listener(audit.listener(e -> e instanceof ShieldEvent.Banned))
            .listener(meters.shieldListener())
            .build();
  }

  /**
   * Applies the rate limits of an accepted configuration (an applier of {@code tenants.yaml}); keys
   * keep the permits they consumed.
   *
   * @throws ConfigException if a rate-limit setting is bad; the limits in force are unchanged
   */
  void apply(TenantConfig config) {
    policies.update(config);
    int changed = limiter.refreshPolicies();
    if (changed > 0) {
      LOG.info("rate limits applied; {} active keys changed policy", changed);
    }
  }

  private static void log(RateLimitEvent event) {
    if (event instanceof RateLimitEvent.Denied denied) {
      LOG.debug("rate limited: {}", denied);
    } else {
      LOG.info("rate limiter: {}", event);
    }
  }

  private static void log(ShieldEvent event) {
    LOG.info("abuse shield: {}", event);
  }

  /**
   * The per-IP ban threshold: {@value #IP_LIMIT_ENV} when set, else {@value
   * #IP_REQUESTS_PER_MINUTE}.
   *
   * @throws IllegalArgumentException naming the variable and its value when it is not a whole
   *     number of at least 1
   */
  static int ipRequestsPerMinute(Map<String, String> env) {
    String value = env.get(IP_LIMIT_ENV);
    if (value == null) {
      return IP_REQUESTS_PER_MINUTE;
    }
    try {
      int n = Integer.parseInt(value.strip());
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        IP_LIMIT_ENV + ": " + value + "; allowed: a whole number of requests per minute, >= 1");
  }
}
