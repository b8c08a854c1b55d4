package dev.tdeveloper.security.shield;

import dev.tdeveloper.tenancy.internal.Listeners;
import java.time.Duration;
import java.util.Optional;

/**
 * The ban list and optional heavy-hitter detector of one {@link Dimension} of an {@link
 * AbuseShield}. Thread-safe as its parts are.
 */
final class Guard<K> {
  private final Dimension dimension;
  private final BanList<K> bans;
  private final HeavyHitterDetector<K> detector;
  private final Listeners<ShieldEvent> listeners;

  Guard(
      Dimension dimension,
      BanList<K> bans,
      HeavyHitterDetector<K> detector,
      Listeners<ShieldEvent> listeners) {
    this.dimension = dimension;
    this.bans = bans;
    this.detector = detector;
    this.listeners = listeners;
  }

  /** Returns a block if {@code key} is banned, else null. */
  ShieldDecision.Block banned(K key) {
    long remaining = bans.remainingNanos(key);
    return remaining == 0 ? null : block(BlockReason.BANNED, key, Duration.ofNanos(remaining));
  }

  /** Counts a request of {@code key}; if that makes it heavy, bans it and returns a block. */
  ShieldDecision.Block heavy(K key, long nowNanos) {
    if (detector == null || !detector.recordIsHeavy(key, nowNanos)) {
      return null;
    }
    Ban<K> ban = bans.ban(key);
    detector.reset(key);
    return block(BlockReason.HEAVY_HITTER, key, ban.remaining());
  }

  BanList<K> bans() {
    return bans;
  }

  Optional<HeavyHitterDetector<K>> detector() {
    return Optional.ofNullable(detector);
  }

  private ShieldDecision.Block block(BlockReason reason, K key, Duration retryAfter) {
    Optional<Duration> after = Optional.of(retryAfter);
    if (!listeners.isEmpty()) {
      listeners.publish(
          new ShieldEvent.Blocked(reason, dimension, key.toString(), reason.status(), after));
    }
    return new ShieldDecision.Block(reason, reason.status(), after);
  }
}
