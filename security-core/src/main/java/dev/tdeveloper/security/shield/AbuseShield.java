package dev.tdeveloper.security.shield;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.internal.Listeners;
import dev.tdeveloper.tenancy.time.Ticker;
import java.util.Objects;
import java.util.Optional;

/**
 * The first gate of a request: decides, before any work is done, whether it may run. In order:
 *
 * <ol>
 *   <li>a client IP on the allow list skips every check below but the concurrency limit;
 *   <li>a client IP on the deny list is blocked with 403 ({@link BlockReason#DENY_LISTED});
 *   <li>a banned client IP, tenant or API key is blocked with 429 and {@code Retry-After} set to
 *       the ban's remaining time ({@link BlockReason#BANNED});
 *   <li>the request is counted per dimension, client IP first; a key going over its heavy-hitter
 *       threshold is banned (exponential backoff) and blocked with 429 ({@link
 *       BlockReason#HEAVY_HITTER}). A request blocked at one dimension is not counted at the next,
 *       so a single client flooding a tenant is banned by IP before it can push the tenant over
 *       (give the tenant dimension a higher threshold than the IP dimension);
 *   <li>a full concurrency limit blocks with 503 ({@link BlockReason#OVERLOADED}).
 * </ol>
 *
 * <p>Every block and every new ban is published as a {@link ShieldEvent}. Dimensions never share
 * state: one IP's or tenant's flood bans that IP or tenant only.
 *
 * <p>The pass path allocates at most the permit and its {@link ShieldDecision.Pass}: membership
 * tests are binary searches over primitive arrays, ban checks one cache lookup, counting one
 * striped lock per dimension, and the ticker is read once. The concurrency limit measures latency
 * from the reading at admission (one read saved when both share a ticker, as by default).
 *
 * <p>Thread-safe.
 */
public final class AbuseShield {
  private static final ShieldDecision.Pass PASS_UNLIMITED =
      new ShieldDecision.Pass(Permit.unlimited());
  private static final ShieldDecision.Block DENIED =
      new ShieldDecision.Block(
          BlockReason.DENY_LISTED, BlockReason.DENY_LISTED.status(), Optional.empty());
  private static final ShieldDecision.Block OVERLOADED =
      new ShieldDecision.Block(
          BlockReason.OVERLOADED, BlockReason.OVERLOADED.status(), Optional.empty());

  private final IpRangeSet allowList;
  private final IpRangeSet denyList;
  private final Guard<IpAddress> ips;
  private final Guard<TenantId> tenants;
  private final Guard<String> apiKeys;
  private final AdaptiveConcurrencyLimit limit;
  private final Ticker ticker;
  private final Listeners<ShieldEvent> listeners;

  AbuseShield(
      IpRangeSet allowList,
      IpRangeSet denyList,
      Guard<IpAddress> ips,
      Guard<TenantId> tenants,
      Guard<String> apiKeys,
      AdaptiveConcurrencyLimit limit,
      Ticker ticker,
      Listeners<ShieldEvent> listeners) {
    this.allowList = allowList;
    this.denyList = denyList;
    this.ips = ips;
    this.tenants = tenants;
    this.apiKeys = apiKeys;
    this.limit = limit;
    this.ticker = ticker;
    this.listeners = listeners;
  }

  /** Returns a builder. */
  public static AbuseShieldBuilder builder() {
    return new AbuseShieldBuilder();
  }

  /**
   * Decides whether {@code request} may run. On {@link ShieldDecision.Pass} the caller must release
   * the permit when the request completes.
   */
  public ShieldDecision check(ShieldRequest request) {
    Objects.requireNonNull(request, "request");
    IpAddress ip = request.clientIp();
    long now = ticker.read();
    if (!allowList.contains(ip)) {
      if (denyList.contains(ip)) {
        publish(BlockReason.DENY_LISTED, ip);
        return DENIED;
      }
      TenantId tenant = request.tenant().orElse(null);
      String apiKey = request.apiKey().orElse(null);
      ShieldDecision.Block block = ips.banned(ip);
      if (block == null && tenant != null) {
        block = tenants.banned(tenant);
      }
      if (block == null && apiKey != null) {
        block = apiKeys.banned(apiKey);
      }
      if (block == null) {
        block = ips.heavy(ip, now);
      }
      if (block == null && tenant != null) {
        block = tenants.heavy(tenant, now);
      }
      if (block == null && apiKey != null) {
        block = apiKeys.heavy(apiKey, now);
      }
      if (block != null) {
        return block;
      }
    }
    if (limit == null) {
      return PASS_UNLIMITED;
    }
    Permit permit = limit.acquireOrNull(limit.ticker() == ticker ? now : limit.ticker().read());
    if (permit == null) {
      publish(BlockReason.OVERLOADED, ip);
      return OVERLOADED;
    }
    return new ShieldDecision.Pass(permit);
  }

  /** Returns the bans by client IP (to inspect, ban or unban by hand). */
  public BanList<IpAddress> ipBans() {
    return ips.bans();
  }

  /** Returns the bans by tenant. */
  public BanList<TenantId> tenantBans() {
    return tenants.bans();
  }

  /** Returns the bans by API key identifier. */
  public BanList<String> apiKeyBans() {
    return apiKeys.bans();
  }

  /** Returns the heavy-hitter detector by client IP, if configured. */
  public Optional<HeavyHitterDetector<IpAddress>> ipHeavyHitters() {
    return ips.detector();
  }

  /** Returns the heavy-hitter detector by tenant, if configured. */
  public Optional<HeavyHitterDetector<TenantId>> tenantHeavyHitters() {
    return tenants.detector();
  }

  /** Returns the heavy-hitter detector by API key identifier, if configured. */
  public Optional<HeavyHitterDetector<String>> apiKeyHeavyHitters() {
    return apiKeys.detector();
  }

  /** Returns the concurrency limit, if configured. */
  public Optional<AdaptiveConcurrencyLimit> concurrencyLimit() {
    return Optional.ofNullable(limit);
  }

  /** Returns the allow list. */
  public IpRangeSet allowList() {
    return allowList;
  }

  /** Returns the deny list. */
  public IpRangeSet denyList() {
    return denyList;
  }

  private void publish(BlockReason reason, IpAddress ip) {
    if (!listeners.isEmpty()) {
      listeners.publish(
          new ShieldEvent.Blocked(
              reason, Dimension.CLIENT_IP, ip.toString(), reason.status(), Optional.empty()));
    }
  }
}
