package dev.tdeveloper.backend.aws.kms;

import dev.tdeveloper.security.spi.SecretStore;
import dev.tdeveloper.tenancy.time.Ticker;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * Configures a {@link KmsKeyManager}. Exactly one of {@link #keyPerTenant} and {@link #sharedKey}
 * is required. Each setter may be called once (a repeat, or both modes, throws {@link
 * IllegalStateException}); a null argument throws {@link NullPointerException}, a bad value {@link
 * IllegalArgumentException} naming the setting, the value and what is allowed. Not thread-safe; the
 * manager it builds is.
 *
 * <h2>Choosing a mode</h2>
 *
 * <table>
 *   <caption>Key per tenant version against one shared key</caption>
 *   <tr><th></th><th>key per tenant version</th><th>one shared key</th></tr>
 *   <tr><td>blast radius of a leaked grant or key policy mistake</td><td>one tenant</td>
 *       <td>every tenant</td></tr>
 *   <tr><td>cost</td><td>one KMS key per tenant version (about USD 1 a month each; a destroyed key
 *       costs nothing once deleted)</td><td>one key, plus a small secret per tenant</td></tr>
 *   <tr><td>crypto-shredding one tenant</td><td>yes: KMS deletes the key after the waiting
 *       period</td><td>no: destroy is a record this library enforces</td></tr>
 *   <tr><td>quotas</td><td>KMS keys per account and region (100,000 by default)</td>
 *       <td>request rate of one key (shared cryptographic-operations quota)</td></tr>
 * </table>
 */
public final class KmsKeyManagerBuilder {
  /** Default days between {@code destroy} and KMS deleting the key: {@value}, the longest. */
  public static final int DEFAULT_DELETION_WINDOW_DAYS = 30;

  /** Default time a tenant's versions are answered from memory before a lookup: 60 s. */
  public static final Duration DEFAULT_REFRESH_INTERVAL = Duration.ofSeconds(60);

  /** Default unwrapped data keys cached: {@value}. */
  public static final int DEFAULT_UNWRAP_CACHE_SIZE = 10_000;

  /** Default age after which a cached unwrapped data key is dropped: 5 minutes. */
  public static final Duration DEFAULT_UNWRAP_CACHE_AGE = Duration.ofMinutes(5);

  /** Default secret name (in each tenant's scope) of the shared mode's version records. */
  public static final String DEFAULT_RECORDS_NAME = "tdeveloper/kms-key-versions";

  private static final Pattern PREFIX = Pattern.compile("[a-zA-Z0-9_-]+(/[a-zA-Z0-9_-]+)*");

  private final KmsClient kms;
  private String aliasPrefix;
  private String sharedKeyId;
  private SecretStore records;
  private String recordsName;
  private int deletionWindowDays;
  private Duration refreshInterval;
  private long unwrapCacheSize = -1;
  private Duration unwrapCacheAge;
  private Ticker ticker;
  private InstantSource clock;
  private final List<AutoCloseable> owned = new ArrayList<>();

  KmsKeyManagerBuilder(KmsClient kms) {
    this.kms = Objects.requireNonNull(kms, "kms");
  }

  /**
   * Chooses a KMS key per tenant version, aliased {@code alias/<prefix>/<tenant>/v<n>}.
   *
   * @param aliasPrefix segments of {@code a-z A-Z 0-9 _ -} separated by {@code /}, at most 150
   *     characters, not starting with {@code aws}
   */
  public KmsKeyManagerBuilder keyPerTenant(String aliasPrefix) {
    Objects.requireNonNull(aliasPrefix, "aliasPrefix");
    once(this.aliasPrefix == null && sharedKeyId == null, "mode");
    if (!PREFIX.matcher(aliasPrefix).matches()
        || aliasPrefix.length() > 150
        || aliasPrefix.startsWith("aws")) {
      throw new IllegalArgumentException(
          "aliasPrefix must be '/'-separated segments of a-z A-Z 0-9 _ -, at most 150 characters,"
              + " not starting with 'aws'; was '"
              + aliasPrefix
              + "'");
    }
    this.aliasPrefix = aliasPrefix;
    return this;
  }

  /**
   * Chooses one KMS key for every tenant, with the version records kept in {@code records} (which
   * the caller closes), under the secret {@code recordsName} of each tenant.
   *
   * @param keyId the KMS key's id, ARN, alias name or alias ARN
   */
  public KmsKeyManagerBuilder sharedKey(String keyId, SecretStore records, String recordsName) {
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(records, "records");
    Objects.requireNonNull(recordsName, "recordsName");
    once(this.aliasPrefix == null && sharedKeyId == null, "mode");
    if (keyId.isBlank() || keyId.length() > 2048) {
      throw new IllegalArgumentException("keyId must be 1 to 2048 characters, was '" + keyId + "'");
    }
    dev.tdeveloper.security.spi.SecretName.platform(recordsName);
    this.sharedKeyId = keyId;
    this.records = records;
    this.recordsName = recordsName;
    return this;
  }

  /** Sets the days (7 to 30) KMS waits before deleting a destroyed version's key; default 30. */
  public KmsKeyManagerBuilder deletionWindowDays(int days) {
    once(deletionWindowDays == 0, "deletionWindowDays");
    if (days < 7 || days > 30) {
      throw new IllegalArgumentException(
          "deletionWindowDays must be 7 to 30 (KMS's limits), was " + days);
    }
    this.deletionWindowDays = days;
    return this;
  }

  /** Sets how long versions are answered from memory (0 to 1 hour); default 60 s. */
  public KmsKeyManagerBuilder refreshInterval(Duration interval) {
    Objects.requireNonNull(interval, "interval");
    once(refreshInterval == null, "refreshInterval");
    if (interval.isNegative() || interval.compareTo(Duration.ofHours(1)) > 0) {
      throw new IllegalArgumentException("refreshInterval must be PT0S to PT1H, was " + interval);
    }
    this.refreshInterval = interval;
    return this;
  }

  /**
   * Bounds the cache of unwrapped data keys: {@code size} entries (0 turns it off, at most 2^24)
   * kept at most {@code age} (1 ms to 1 day); default 10,000 for 5 minutes.
   */
  public KmsKeyManagerBuilder unwrapCache(int size, Duration age) {
    Objects.requireNonNull(age, "age");
    once(unwrapCacheSize < 0, "unwrapCache");
    if (size < 0 || size > 1 << 24) {
      throw new IllegalArgumentException("unwrapCache size must be 0 to 2^24, was " + size);
    }
    if (age.compareTo(Duration.ofMillis(1)) < 0 || age.compareTo(Duration.ofDays(1)) > 0) {
      throw new IllegalArgumentException("unwrapCache age must be PT0.001S to P1D, was " + age);
    }
    this.unwrapCacheSize = size;
    this.unwrapCacheAge = age;
    return this;
  }

  /** Sets the monotonic clock of the refresh interval and the cache; default the system's. */
  public KmsKeyManagerBuilder ticker(Ticker ticker) {
    Objects.requireNonNull(ticker, "ticker");
    once(this.ticker == null, "ticker");
    this.ticker = ticker;
    return this;
  }

  /** Sets the wall clock stamping the shared mode's new versions; default the system's. */
  public KmsKeyManagerBuilder clock(InstantSource clock) {
    Objects.requireNonNull(clock, "clock");
    once(this.clock == null, "clock");
    this.clock = clock;
    return this;
  }

  /** Makes the manager close {@code resource} when it closes (the provider's own clients). */
  KmsKeyManagerBuilder owning(AutoCloseable resource) {
    owned.add(Objects.requireNonNull(resource, "resource"));
    return this;
  }

  private static void once(boolean unset, String name) {
    if (!unset) {
      throw new IllegalStateException(name + " was already set");
    }
  }

  /**
   * Builds the manager. In the key-per-tenant mode it lists the account's aliases once, so a wrong
   * endpoint or missing permission fails here.
   *
   * @throws IllegalStateException if no mode was chosen
   * @throws dev.tdeveloper.security.spi.KeyManagerException if KMS cannot be reached
   */
  public KmsKeyManager build() {
    if (aliasPrefix == null && sharedKeyId == null) {
      throw new IllegalStateException("choose keyPerTenant(aliasPrefix) or sharedKey(...)");
    }
    Ticker t = ticker == null ? Ticker.system() : ticker;
    KeyMode mode =
        aliasPrefix != null
            ? new TenantKeyMode(
                kms,
                aliasPrefix,
                deletionWindowDays == 0 ? DEFAULT_DELETION_WINDOW_DAYS : deletionWindowDays)
            : new SharedKeyMode(
                sharedKeyId, records, recordsName, clock == null ? InstantSource.system() : clock);
    UnwrapCache cache =
        new UnwrapCache(
            unwrapCacheSize < 0 ? DEFAULT_UNWRAP_CACHE_SIZE : unwrapCacheSize,
            unwrapCacheAge == null ? DEFAULT_UNWRAP_CACHE_AGE : unwrapCacheAge,
            t);
    Duration refresh = refreshInterval == null ? DEFAULT_REFRESH_INTERVAL : refreshInterval;
    KmsKeyManager manager = new KmsKeyManager(kms, mode, t, refresh.toNanos(), cache, owned);
    if (mode instanceof TenantKeyMode) {
      manager.tenants();
    }
    return manager;
  }
}
