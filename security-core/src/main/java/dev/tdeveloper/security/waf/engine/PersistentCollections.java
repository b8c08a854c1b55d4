package dev.tdeveloper.security.waf.engine;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Policy;
import dev.tdeveloper.tenancy.time.Ticker;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The in-memory store of ModSecurity's persistent collections ({@code IP}, {@code GLOBAL}, {@code
 * SESSION}, {@code USER}, {@code RESOURCE}), opened by {@code initcol:ip=%{REMOTE_ADDR}}. A record
 * is addressed by (tenant namespace, collection, initcol key); it expires {@link #DEFAULT_TIMEOUT}
 * ({@code SecCollectionTimeout}) after its last write, and each value may expire sooner ({@code
 * expirevar}).
 *
 * <p><b>Tenant isolation is absolute.</b> Every tenant namespace has its own bounded cache: one
 * tenant's records can never be read, evicted or crowded out by another's, however many records it
 * writes. Namespaces are tenant ids from configuration, never request data, so their number is
 * bounded by the number of tenants. Within a record at most {@code maxKeysPerRecord} keys are kept:
 * a {@code setvar} that would add one more is dropped, so a request cannot grow a record without
 * bound.
 *
 * <p>Like libmodsecurity3's in-memory backend, each read and write is atomic on its own (two
 * transactions incrementing {@code ip.counter} at once may lose one increment: ModSecurity does not
 * lock either). Thread-safe.
 */
public final class PersistentCollections {
  /** {@code SecCollectionTimeout}'s default: {@value} seconds. */
  public static final long DEFAULT_TIMEOUT_SECONDS = 3600;

  /** {@code SecCollectionTimeout}'s default, 3600 seconds. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(DEFAULT_TIMEOUT_SECONDS);

  /** The default bound on records per tenant namespace: {@value}. */
  public static final int DEFAULT_MAX_RECORDS_PER_TENANT = 100_000;

  /** The default bound on keys per record: {@value}. */
  public static final int DEFAULT_MAX_KEYS_PER_RECORD = 1_000;

  private final Ticker ticker;
  private final Duration timeout;
  private final int maxRecordsPerTenant;
  private final int maxKeysPerRecord;
  private final ConcurrentMap<String, Tenant> tenants = new ConcurrentHashMap<>();

  /**
   * A store with the defaults ({@link #DEFAULT_TIMEOUT}, {@link #DEFAULT_MAX_RECORDS_PER_TENANT},
   * {@link #DEFAULT_MAX_KEYS_PER_RECORD}).
   *
   * @param ticker the monotonic time that drives expiry
   * @return the store
   * @throws NullPointerException when {@code ticker} is null
   */
  public static PersistentCollections inMemory(Ticker ticker) {
    return new PersistentCollections(
        ticker, DEFAULT_TIMEOUT, DEFAULT_MAX_RECORDS_PER_TENANT, DEFAULT_MAX_KEYS_PER_RECORD);
  }

  /**
   * A store.
   *
   * @param ticker the monotonic time that drives expiry
   * @param timeout how long a record lives after its last write ({@code SecCollectionTimeout});
   *     positive
   * @param maxRecordsPerTenant the records kept per tenant namespace, at least 1
   * @param maxKeysPerRecord the keys kept per record, at least 1
   * @throws NullPointerException when {@code ticker} or {@code timeout} is null
   * @throws IllegalArgumentException when a bound is out of range
   */
  public PersistentCollections(
      Ticker ticker, Duration timeout, int maxRecordsPerTenant, int maxKeysPerRecord) {
    this.ticker = Objects.requireNonNull(ticker, "ticker");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout: " + timeout + "; allowed: positive");
    }
    if (maxRecordsPerTenant < 1) {
      throw new IllegalArgumentException(
          "maxRecordsPerTenant: " + maxRecordsPerTenant + "; allowed: 1 or more");
    }
    if (maxKeysPerRecord < 1) {
      throw new IllegalArgumentException(
          "maxKeysPerRecord: " + maxKeysPerRecord + "; allowed: 1 or more");
    }
    this.maxRecordsPerTenant = maxRecordsPerTenant;
    this.maxKeysPerRecord = maxKeysPerRecord;
  }

  /**
   * Opens a record ({@code initcol}), creating it empty when absent or expired.
   *
   * @param namespace the tenant namespace (a tenant id from configuration)
   * @param collection the collection name, any case ({@code IP})
   * @param key the record key, the expanded initcol value ({@code 203.0.113.7_ab12})
   * @return a view of the record for one transaction
   * @throws NullPointerException when an argument is null
   */
  public MutableCollection open(String namespace, String collection, String key) {
    return openView(namespace, collection, key);
  }

  /** {@link #open}, typed for {@link RequestState}, which also enumerates the record. */
  PersistentRecordView openView(String namespace, String collection, String key) {
    RecordKey recordKey =
        new RecordKey(
            Objects.requireNonNull(collection, "collection").toUpperCase(Locale.ROOT),
            Objects.requireNonNull(key, "key"));
    Tenant tenant = tenant(Objects.requireNonNull(namespace, "namespace"));
    return new PersistentRecordView(
        tenant.cache(), tenant.policy(), recordKey, ticker, maxKeysPerRecord);
  }

  /**
   * The number of live records of a tenant, for operations pages and tests (expired and evicted
   * records are cleaned up first).
   *
   * @param namespace the tenant namespace
   * @return the number of records
   */
  public long records(String namespace) {
    Tenant tenant = tenants.get(namespace);
    if (tenant == null) {
      return 0;
    }
    tenant.cache().cleanUp();
    return tenant.cache().estimatedSize();
  }

  private Tenant tenant(String namespace) {
    Tenant tenant = tenants.get(namespace);
    return tenant != null ? tenant : tenants.computeIfAbsent(namespace, ns -> newTenant());
  }

  private Tenant newTenant() {
    Cache<RecordKey, PersistentRecord> cache =
        Caffeine.newBuilder()
            .ticker(ticker::read)
            .executor(Runnable::run)
            .expireAfterWrite(timeout)
            .maximumSize(maxRecordsPerTenant)
            .build();
    return new Tenant(cache, cache.policy());
  }

  /** A tenant namespace's records, and the cache's policy for quiet reads. */
  private record Tenant(
      Cache<RecordKey, PersistentRecord> cache, Policy<RecordKey, PersistentRecord> policy) {}

  /**
   * A record's address within a tenant: a value with its hash worked out once, since a transaction
   * looks its records up on every read and write.
   */
  static final class RecordKey {
    private final String collection;
    private final String key;
    private final int hash;

    RecordKey(String collection, String key) {
      this.collection = Objects.requireNonNull(collection, "collection");
      this.key = Objects.requireNonNull(key, "key");
      this.hash = 31 * collection.hashCode() + key.hashCode();
    }

    String collection() {
      return collection;
    }

    String key() {
      return key;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof RecordKey k
          && hash == k.hash
          && collection.equals(k.collection)
          && key.equals(k.key);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public String toString() {
      return collection + ":" + key;
    }
  }
}
