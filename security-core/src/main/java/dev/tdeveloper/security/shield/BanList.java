package dev.tdeveloper.security.shield;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.RemovalCause;
import dev.tdeveloper.tenancy.internal.Listeners;
import dev.tdeveloper.tenancy.time.Ticker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Temporary bans with exponential backoff: each offence bans a key for twice as long as the one
 * before ({@link BanPolicy#banFor}), up to a maximum, and offences are forgiven one per quiet
 * period. Bans expire by the injected {@link Ticker}; {@link #unban} lifts one early.
 *
 * <p>Memory is bounded: at most {@link BanPolicy#maximumSize()} keys are held (in a Caffeine cache
 * with the injected ticker), and a key's record disappears once its ban has ended and all its
 * offences are forgiven. When full, the cache evicts by its W-TinyLFU policy and publishes {@link
 * BanEvent.Evicted}.
 *
 * <p>Thread-safe: each key's offence is recorded atomically, so threads racing to ban the same key
 * count one offence.
 *
 * @param <K> the key type; keys must have value semantics
 */
public final class BanList<K> {
  private static final int MAX_OFFENCES = 64;

  /** A key's record: its offences, and when its last ban ends and how long it was. */
  private record Entry(int offences, long untilNanos, long durationNanos) {}

  private final BanPolicy policy;
  private final Ticker ticker;
  private final Listeners<BanEvent> listeners;
  private final long forgiveNanos;
  private final Cache<K, Entry> cache;

  private BanList(BanPolicy policy, Ticker ticker, Listeners<BanEvent> listeners) {
    this.policy = policy;
    this.ticker = ticker;
    this.listeners = listeners;
    this.forgiveNanos = policy.forgiveAfter().toNanos();
    this.cache =
        Caffeine.newBuilder()
            .maximumSize(policy.maximumSize())
            .ticker(ticker::read)
            .executor(Runnable::run)
            .expireAfter(new Lifetime())
            .evictionListener(
                (K key, Entry entry, RemovalCause cause) -> {
                  if (cause == RemovalCause.SIZE && key != null && entry != null) {
                    listeners.publish(
                        new BanEvent.Evicted(key, entry.untilNanos - ticker.read() > 0));
                  }
                })
            .build();
  }

  /** Returns a builder of a ban list. */
  public static <K> BanListBuilder<K> builder() {
    return new BanListBuilder<>();
  }

  static <K> BanList<K> create(BanPolicy policy, Ticker ticker, Listeners<BanEvent> listeners) {
    return new BanList<>(policy, ticker, listeners);
  }

  /**
   * Records an offence of {@code key} and bans it for {@link BanPolicy#banFor} its offence number
   * (after forgiveness). If the key is already banned nothing changes — an offence is counted once
   * per ban — and the current ban is returned. Publishes {@link BanEvent.Banned} for a new ban.
   */
  public Ban<K> ban(K key) {
    Objects.requireNonNull(key, "key");
    long now = ticker.read();
    Entry[] created = new Entry[1];
    Entry entry =
        cache
            .asMap()
            .compute(
                key,
                (k, old) -> {
                  if (old != null && old.untilNanos - now > 0) {
                    return old;
                  }
                  int offences = Math.min(MAX_OFFENCES, forgiven(old, now) + 1);
                  long duration = policy.banFor(offences).toNanos();
                  created[0] = new Entry(offences, now + duration, duration);
                  return created[0];
                });
    if (created[0] != null) {
      listeners.publish(
          new BanEvent.Banned(key, entry.offences, Duration.ofNanos(entry.durationNanos)));
    }
    return toBan(key, entry, now);
  }

  /** Returns the nanoseconds left of {@code key}'s ban, or 0 if it is not banned. */
  public long remainingNanos(K key) {
    Entry entry = cache.getIfPresent(key);
    if (entry == null) {
      return 0;
    }
    long left = entry.untilNanos - ticker.read();
    return left > 0 ? left : 0;
  }

  /** Returns whether {@code key} is banned now. */
  public boolean isBanned(K key) {
    return remainingNanos(key) > 0;
  }

  /** Returns {@code key}'s active ban, if any. */
  public Optional<Ban<K>> activeBan(K key) {
    Objects.requireNonNull(key, "key");
    Entry entry = cache.getIfPresent(key);
    long now = ticker.read();
    return entry == null || entry.untilNanos - now <= 0
        ? Optional.empty()
        : Optional.of(toBan(key, entry, now));
  }

  /** Returns the active bans (a snapshot, in no particular order). */
  public List<Ban<K>> activeBans() {
    long now = ticker.read();
    List<Ban<K>> out = new ArrayList<>();
    cache
        .asMap()
        .forEach(
            (key, entry) -> {
              if (entry.untilNanos - now > 0) {
                out.add(toBan(key, entry, now));
              }
            });
    return List.copyOf(out);
  }

  /** Returns {@code key}'s offences not yet forgiven (0 for a key never banned). */
  public int offences(K key) {
    Objects.requireNonNull(key, "key");
    Entry entry = cache.getIfPresent(key);
    long now = ticker.read();
    return entry == null ? 0 : entry.untilNanos - now > 0 ? entry.offences : forgiven(entry, now);
  }

  /**
   * Lifts {@code key}'s ban, if any, and forgets its offences (an operator's "this was a mistake").
   * Publishes {@link BanEvent.Unbanned} if a ban was lifted.
   *
   * @return whether the key was banned
   */
  public boolean unban(K key) {
    Objects.requireNonNull(key, "key");
    Entry removed = cache.asMap().remove(key);
    boolean wasBanned = removed != null && removed.untilNanos - ticker.read() > 0;
    if (wasBanned) {
      listeners.publish(new BanEvent.Unbanned(key));
    }
    return wasBanned;
  }

  /** Returns the number of keys held (active bans and offence records), an estimate. */
  public long size() {
    return cache.estimatedSize();
  }

  /** Performs pending maintenance (dropping records that expired). */
  public void cleanUp() {
    cache.cleanUp();
  }

  /** Returns the policy. */
  public BanPolicy policy() {
    return policy;
  }

  /** Returns the offences of a record whose ban has ended, less one per quiet period. */
  private int forgiven(Entry entry, long now) {
    if (entry == null) {
      return 0;
    }
    long quiet = now - entry.untilNanos;
    long forgiven = quiet <= 0 ? 0 : quiet / forgiveNanos;
    return (int) Math.max(0, entry.offences - forgiven);
  }

  private Ban<K> toBan(K key, Entry entry, long now) {
    return new Ban<>(
        key,
        entry.offences,
        Duration.ofNanos(entry.durationNanos),
        Duration.ofNanos(Math.max(0, entry.untilNanos - now)));
  }

  /** Keeps a record until its ban has ended and every offence is forgiven. */
  private final class Lifetime implements Expiry<K, Entry> {
    @Override
    public long expireAfterCreate(K key, Entry entry, long currentTime) {
      return Math.max(0, entry.untilNanos - currentTime) + entry.offences * forgiveNanos;
    }

    @Override
    public long expireAfterUpdate(K key, Entry entry, long currentTime, long currentDuration) {
      return expireAfterCreate(key, entry, currentTime);
    }

    @Override
    public long expireAfterRead(K key, Entry entry, long currentTime, long currentDuration) {
      return currentDuration;
    }
  }
}
