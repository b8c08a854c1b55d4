package dev.tdeveloper.security.shield;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.event.EventListener;
import dev.tdeveloper.tenancy.internal.Listeners;
import dev.tdeveloper.tenancy.time.Ticker;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Configures an {@link AbuseShield}. Each setting may be given once (heavy hitters once per
 * dimension); a repeat is an {@link IllegalStateException}. Everything is optional: with no
 * settings the shield only enforces bans made by hand. Not thread-safe; the built shield is.
 */
public final class AbuseShieldBuilder {
  private IpRangeSet allowList;
  private IpRangeSet denyList;
  private BanPolicy banPolicy;
  private AdaptiveConcurrencyLimit limit;
  private Ticker ticker;
  private final Map<Dimension, HeavyHitterConfig> heavyHitters = new EnumMap<>(Dimension.class);
  private final List<EventListener<? super ShieldEvent>> listeners = new ArrayList<>();

  AbuseShieldBuilder() {}

  /** Sets client IPs that skip every check but the concurrency limit; defaults to none. */
  public AbuseShieldBuilder allowList(IpRangeSet allowList) {
    Objects.requireNonNull(allowList, "allowList");
    once(this.allowList == null, "allowList");
    this.allowList = allowList;
    return this;
  }

  /** Sets client IPs that are always refused with 403; defaults to none. */
  public AbuseShieldBuilder denyList(IpRangeSet denyList) {
    Objects.requireNonNull(denyList, "denyList");
    once(this.denyList == null, "denyList");
    this.denyList = denyList;
    return this;
  }

  /**
   * Sets the ban lengths and bounds of every dimension; defaults to {@link BanPolicy#defaults()}.
   */
  public AbuseShieldBuilder banPolicy(BanPolicy banPolicy) {
    Objects.requireNonNull(banPolicy, "banPolicy");
    once(this.banPolicy == null, "banPolicy");
    this.banPolicy = banPolicy;
    return this;
  }

  /** Counts requests per key of {@code dimension}, banning keys over {@code config}'s threshold. */
  public AbuseShieldBuilder heavyHitters(Dimension dimension, HeavyHitterConfig config) {
    Objects.requireNonNull(dimension, "dimension");
    Objects.requireNonNull(config, "config");
    once(!heavyHitters.containsKey(dimension), "heavyHitters for " + dimension);
    heavyHitters.put(dimension, config);
    return this;
  }

  /** Sets the global concurrency limit; defaults to none (requests are not limited). */
  public AbuseShieldBuilder concurrencyLimit(AdaptiveConcurrencyLimit limit) {
    Objects.requireNonNull(limit, "limit");
    once(this.limit == null, "concurrencyLimit");
    this.limit = limit;
    return this;
  }

  /**
   * Sets the monotonic time source of bans and windows; defaults to the concurrency limit's, else
   * {@link Ticker#system()}.
   */
  public AbuseShieldBuilder ticker(Ticker ticker) {
    Objects.requireNonNull(ticker, "ticker");
    once(this.ticker == null, "ticker");
    this.ticker = ticker;
    return this;
  }

  /** Adds a listener of blocks and bans. */
  public AbuseShieldBuilder listener(EventListener<? super ShieldEvent> listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
    return this;
  }

  /**
   * Builds the shield.
   *
   * @throws IllegalStateException if a range is on both the allow and the deny list
   */
  public AbuseShield build() {
    IpRangeSet allow = allowList == null ? IpRangeSet.empty() : allowList;
    IpRangeSet deny = denyList == null ? IpRangeSet.empty() : denyList;
    for (IpRange range : deny.ranges()) {
      if (allow.ranges().contains(range)) {
        throw new IllegalStateException(
            "range " + range + " is on both the allowList and the denyList");
      }
    }
    Ticker time = ticker != null ? ticker : limit != null ? limit.ticker() : Ticker.system();
    BanPolicy policy = banPolicy == null ? BanPolicy.defaults() : banPolicy;
    Listeners<ShieldEvent> events = Listeners.of(listeners);
    return new AbuseShield(
        allow,
        deny,
        AbuseShieldBuilder.<IpAddress>guard(
            Dimension.CLIENT_IP, policy, time, events, heavyHitters),
        AbuseShieldBuilder.<TenantId>guard(Dimension.TENANT, policy, time, events, heavyHitters),
        AbuseShieldBuilder.<String>guard(Dimension.API_KEY, policy, time, events, heavyHitters),
        limit,
        time,
        events);
  }

  private static <K> Guard<K> guard(
      Dimension dimension,
      BanPolicy policy,
      Ticker ticker,
      Listeners<ShieldEvent> events,
      Map<Dimension, HeavyHitterConfig> configs) {
    EventListener<BanEvent> bridge =
        event -> {
          if (event instanceof BanEvent.Banned banned) {
            events.publish(
                new ShieldEvent.Banned(
                    dimension, banned.key().toString(), banned.offence(), banned.duration()));
          }
        };
    BanList<K> bans =
        BanList.create(
            policy, ticker, events.isEmpty() ? Listeners.none() : Listeners.of(List.of(bridge)));
    HeavyHitterConfig config = configs.get(dimension);
    HeavyHitterDetector<K> detector =
        config == null ? null : HeavyHitterDetector.create(config, ticker);
    return new Guard<>(dimension, bans, detector, events);
  }

  private static void once(boolean unset, String name) {
    if (!unset) {
      throw new IllegalStateException(name + " was already set");
    }
  }
}
