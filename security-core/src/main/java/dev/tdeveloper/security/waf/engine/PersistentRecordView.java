package dev.tdeveloper.security.waf.engine;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Policy;
import dev.tdeveloper.security.waf.regex.WafPattern;
import dev.tdeveloper.tenancy.time.Ticker;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One transaction's handle on a persistent record. Reads never create the record; the first write
 * does, and every write restarts the record's {@code SecCollectionTimeout}. Confined to one
 * transaction (the record behind it is thread-safe).
 *
 * <p>Reads are quiet ({@link Policy#getIfPresentQuietly}): they see an expired record as absent, as
 * any read does, but write nothing to the cache, neither an access time (the timeout counts from
 * the last write, as ModSecurity's does) nor a read event for the size bound. So transactions of
 * one client address on several cores read its record without writing a shared cache line, and a
 * record's place in its tenant's size bound depends on its writes only.
 */
final class PersistentRecordView implements MutableCollection {
  private final Cache<PersistentCollections.RecordKey, PersistentRecord> cache;
  private final Policy<PersistentCollections.RecordKey, PersistentRecord> policy;
  private final PersistentCollections.RecordKey recordKey;
  private final Ticker ticker;
  private final int maxKeys;

  PersistentRecordView(
      Cache<PersistentCollections.RecordKey, PersistentRecord> cache,
      Policy<PersistentCollections.RecordKey, PersistentRecord> policy,
      PersistentCollections.RecordKey recordKey,
      Ticker ticker,
      int maxKeys) {
    this.cache = cache;
    this.policy = policy;
    this.recordKey = recordKey;
    this.ticker = ticker;
    this.maxKeys = maxKeys;
  }

  @Override
  public Optional<String> get(String key) {
    PersistentRecord r = policy.getIfPresentQuietly(recordKey);
    return r == null ? Optional.empty() : r.get(lower(key), ticker.read());
  }

  @Override
  public void set(String key, String value) {
    writable().put(lower(key), value, ticker.read(), maxKeys);
  }

  @Override
  public void remove(String key) {
    PersistentRecord r = policy.getIfPresentQuietly(recordKey);
    if (r != null) {
      r.remove(lower(key));
    }
  }

  @Override
  public void expire(String key, Duration after) {
    long now = ticker.read();
    long ttl = after.isNegative() ? 0 : saturatedNanos(after);
    long at = now > PersistentRecord.NEVER - ttl ? PersistentRecord.NEVER - 1 : now + ttl;
    writable().expire(lower(key), at, now);
  }

  @Override
  public Set<String> keys() {
    PersistentRecord r = policy.getIfPresentQuietly(recordKey);
    return r == null ? Set.of() : Set.copyOf(r.live(ticker.read()).keySet());
  }

  /**
   * Appends the selected live values as targets named {@code COLLECTION:key}.
   *
   * @param key the selector key; empty for all
   * @param keyPattern the selector regex; empty for none
   * @param out where the targets go
   */
  void collect(Optional<String> key, Optional<WafPattern> keyPattern, List<Target> out) {
    PersistentRecord r = policy.getIfPresentQuietly(recordKey);
    if (r == null) {
      return;
    }
    for (Map.Entry<String, String> e : r.live(ticker.read()).entrySet()) {
      if (Selection.selects(e.getKey(), key, keyPattern)) {
        out.add(new Target(recordKey.collection() + ":" + e.getKey(), e.getKey(), e.getValue()));
      }
    }
  }

  /** The record, created when absent; the write restarts its timeout. */
  private PersistentRecord writable() {
    return cache.asMap().compute(recordKey, (k, old) -> old == null ? new PersistentRecord() : old);
  }

  private static long saturatedNanos(Duration d) {
    try {
      return d.toNanos();
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
  }

  private static String lower(String key) {
    return key.toLowerCase(Locale.ROOT);
  }
}
