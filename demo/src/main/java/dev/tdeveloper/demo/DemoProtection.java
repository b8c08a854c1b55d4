package dev.tdeveloper.demo;

import dev.tdeveloper.observability.micrometer.TdeveloperMetrics;
import dev.tdeveloper.security.ratelimit.RateLimitEvent;
import dev.tdeveloper.security.ratelimit.RateLimitKey;
import dev.tdeveloper.security.ratelimit.RateLimiter;
import dev.tdeveloper.security.ratelimit.RateLimiterBuilder;
import dev.tdeveloper.security.ratelimit.TenantRateLimitPolicies;
import dev.tdeveloper.security.shield.AbuseShield;
import dev.tdeveloper.security.shield.AdaptiveConcurrencyLimit;
import dev.tdeveloper.security.shield.ClientIpResolver;
import dev.tdeveloper.security.shield.Dimension;
import dev.tdeveloper.security.shield.HeavyHitterConfig;
import dev.tdeveloper.security.shield.IpRange;
import dev.tdeveloper.security.shield.IpRangeSet;
import dev.tdeveloper.security.shield.ShieldEvent;
import dev.tdeveloper.security.spi.RateLimiterStore;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.config.ConfigException;
import dev.tdeveloper.tenancy.config.TenantConfig;
import dev.tdeveloper.tenancy.time.Ticker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * <p>Shield defaults: no allow or deny list and no trusted proxy, so the TCP peer is the client
 * (the demo listens on localhost); a client IP making more than {@value #IP_REQUESTS_PER_MINUTE}
 * requests within a minute is banned (1 minute, doubling per repeat offence, up to an hour), which
 * is far above any plan's sustained rate so the rate limiter answers 429 long before; and an
 * adaptive concurrency limit of {@value #INITIAL_CONCURRENCY} requests in flight, between {@value
 * #MIN_CONCURRENCY} and {@value #MAX_CONCURRENCY}, with a 1 s latency target. The environment
 * variable {@value #IP_LIMIT_ENV} overrides the per-IP limit.
 *
 * <p>Behind a load balancer or reverse proxy, set {@value #TRUSTED_PROXIES_ENV} to its addresses
 * (comma-separated IP addresses or CIDR blocks, e.g. {@code 10.0.0.0/8,192.0.2.7}; unset or blank:
 * none): when the TCP peer is one of them, the shield takes the client from {@code X-Forwarded-For}
 * (the rightmost untrusted hop, see {@link ClientIpResolver}), so bans and the per-IP limit apply
 * to each client rather than to the proxy. From any other peer the header is ignored, so a client
 * cannot choose its address. A bad value fails the start, naming the variable, the value and what
 * is allowed.
 */
final class DemoProtection {
  private static final Logger LOG = LoggerFactory.getLogger(DemoProtection.class);

  /** Requests per minute above which one client IP is banned. */
  static final int IP_REQUESTS_PER_MINUTE = 6000;

  /** Overrides {@link #IP_REQUESTS_PER_MINUTE}: a whole number of requests, at least 1. */
  static final String IP_LIMIT_ENV = "DEMO_SHIELD_IP_REQUESTS_PER_MINUTE";

  /** The proxies whose {@code X-Forwarded-For} the shield believes: addresses or CIDR blocks. */
  static final String TRUSTED_PROXIES_ENV = "DEMO_TRUSTED_PROXIES";

  static final int INITIAL_CONCURRENCY = 100;
  static final int MIN_CONCURRENCY = 10;
  static final int MAX_CONCURRENCY = 1000;

  final AbuseShield shield;
  final TenantRateLimitPolicies policies;
  final RateLimiter<RateLimitKey> limiter;

  /**
   * How the shield filter finds the client: the peer, or X-Forwarded-For behind trusted proxies.
   */
  final ClientIpResolver clientIps;

  /**
   * Wires the protection of {@code config}, timed by {@code ticker}. Bans and rate-limit store
   * failures go to the audit log; the limiter's state is kept in {@code store} when given (shared
   * between instances), else in this process; each blocked or limited request is audited by the
   * audit filter, so the per-request shield and limiter events are not audited twice (under attack
   * they come at the attack's rate). Each tenant's limits are those of the plan {@code planLookup}
   * answers (the registry's), else of its plan in the file. A client IP making more than {@code
   * ipRequestsPerMinute} requests in a minute is banned; the shield believes {@code
   * X-Forwarded-For} from {@code trustedProxies} (see {@link #ipRequestsPerMinute} and {@link
   * #trustedProxies}).
   *
   * @throws ConfigException if a rate-limit setting of {@code config} is bad
   */
  DemoProtection(
      TenantConfig config,
      Ticker ticker,
      DemoAudit audit,
      TdeveloperMetrics meters,
      Optional<RateLimiterStore> store,
      Function<TenantId, Optional<String>> planLookup,
      int ipRequestsPerMinute,
      IpRangeSet trustedProxies) {
    this.clientIps = ClientIpResolver.xForwardedFor(trustedProxies);
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
                HeavyHitterConfig.of(ipRequestsPerMinute, Duration.ofMinutes(1)))
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

  /**
   * The proxies named by {@value #TRUSTED_PROXIES_ENV}: none when it is unset or blank.
   *
   * @throws IllegalArgumentException naming the variable, its value, the bad entry and what is
   *     allowed, when an entry is not an IP address or CIDR block
   */
  static IpRangeSet trustedProxies(Map<String, String> env) {
    String value = env.get(TRUSTED_PROXIES_ENV);
    if (value == null || value.isBlank()) {
      return IpRangeSet.empty();
    }
    List<IpRange> ranges = new ArrayList<>();
    for (String entry : value.split(",", -1)) {
      try {
        ranges.add(IpRange.parse(entry.strip()));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            TRUSTED_PROXIES_ENV
                + ": "
                + value
                + "; entry '"
                + entry.strip()
                + "' is not allowed; allowed: comma-separated IP addresses or CIDR blocks"
                + " (e.g. 10.0.0.0/8,192.0.2.7), no host names",
            e);
      }
    }
    return IpRangeSet.ofRanges(ranges);
  }
}
