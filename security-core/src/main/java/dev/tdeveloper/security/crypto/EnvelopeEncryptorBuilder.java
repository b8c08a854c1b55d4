package dev.tdeveloper.security.crypto;

import dev.tdeveloper.security.crypto.internal.DefaultEnvelopeEncryptor;
import dev.tdeveloper.security.spi.KeyManager;
import dev.tdeveloper.tenancy.time.Ticker;
import java.time.Duration;
import java.util.Objects;

/**
 * Configures an {@link EnvelopeEncryptor}. Each setter may be called once (a repeat throws {@link
 * IllegalStateException}); a null argument throws {@link NullPointerException}, a value out of
 * range {@link IllegalArgumentException} naming the setting, the value and the allowed range. Not
 * thread-safe; the encryptor it builds is.
 */
public final class EnvelopeEncryptorBuilder {
  /** Default encryptions per data key: {@value} (2^24, 256 times below GCM's 2^32 limit). */
  public static final long DEFAULT_DATA_KEY_MAXIMUM_USES = 1L << 24;

  /** Largest allowed encryptions per data key: {@value} (2^31). */
  public static final long MAX_DATA_KEY_USES = 1L << 31;

  /** Default age after which a data key stops encrypting and leaves the caches: one hour. */
  public static final Duration DEFAULT_DATA_KEY_MAXIMUM_AGE = Duration.ofHours(1);

  /**
   * Default number of data keys each cache holds (encryption: per tenant; decryption): {@value}.
   */
  public static final int DEFAULT_MAXIMUM_CACHED_KEYS = 10_000;

  /** Default plaintext bytes per stream chunk: {@value}. */
  public static final int DEFAULT_CHUNK_SIZE = 64 * 1024;

  /** Smallest and largest chunk sizes: 16 and 2^24 bytes. */
  public static final int MIN_CHUNK_SIZE = 16;

  /** Largest chunk size: {@value} bytes. */
  public static final int MAX_CHUNK_SIZE = 1 << 24;

  private final KeyManager keys;
  private Ticker ticker;
  private long maximumUses = -1;
  private Duration maximumAge;
  private int maximumCachedKeys = -1;
  private int chunkSize = -1;

  EnvelopeEncryptorBuilder(KeyManager keys) {
    this.keys = Objects.requireNonNull(keys, "keys");
  }

  /** Sets the monotonic clock aging data keys; default {@link Ticker#system()}. */
  public EnvelopeEncryptorBuilder ticker(Ticker ticker) {
    Objects.requireNonNull(ticker, "ticker");
    once(this.ticker == null, "ticker", this.ticker);
    this.ticker = ticker;
    return this;
  }

  /**
   * Sets how many encryptions (a stream counts one) a data key serves before a new one is made;
   * default {@value #DEFAULT_DATA_KEY_MAXIMUM_USES}, allowed 1 to 2^31.
   */
  public EnvelopeEncryptorBuilder dataKeyMaximumUses(long uses) {
    once(maximumUses < 0, "dataKeyMaximumUses", maximumUses);
    if (uses < 1 || uses > MAX_DATA_KEY_USES) {
      throw new IllegalArgumentException(
          "dataKeyMaximumUses must be 1 to 2^31 (" + MAX_DATA_KEY_USES + "), was " + uses);
    }
    this.maximumUses = uses;
    return this;
  }

  /** Sets how long a data key encrypts and stays cached; default one hour, at least 1 ms. */
  public EnvelopeEncryptorBuilder dataKeyMaximumAge(Duration age) {
    Objects.requireNonNull(age, "age");
    once(maximumAge == null, "dataKeyMaximumAge", maximumAge);
    if (age.compareTo(Duration.ofMillis(1)) < 0) {
      throw new IllegalArgumentException("dataKeyMaximumAge must be at least PT0.001S, was " + age);
    }
    this.maximumAge = age;
    return this;
  }

  /** Sets how many data keys each cache holds; default {@value #DEFAULT_MAXIMUM_CACHED_KEYS}. */
  public EnvelopeEncryptorBuilder maximumCachedKeys(int count) {
    once(maximumCachedKeys < 0, "maximumCachedKeys", maximumCachedKeys);
    if (count < 1 || count > 1 << 24) {
      throw new IllegalArgumentException("maximumCachedKeys must be 1 to 2^24, was " + count);
    }
    this.maximumCachedKeys = count;
    return this;
  }

  /** Sets the plaintext bytes per stream chunk; default {@value #DEFAULT_CHUNK_SIZE}. */
  public EnvelopeEncryptorBuilder chunkSize(int bytes) {
    once(chunkSize < 0, "chunkSize", chunkSize);
    if (bytes < MIN_CHUNK_SIZE || bytes > MAX_CHUNK_SIZE) {
      throw new IllegalArgumentException(
          "chunkSize must be " + MIN_CHUNK_SIZE + " to " + MAX_CHUNK_SIZE + " bytes, was " + bytes);
    }
    this.chunkSize = bytes;
    return this;
  }

  private static void once(boolean unset, String name, Object current) {
    if (!unset) {
      throw new IllegalStateException(name + " was already set to " + current);
    }
  }

  /** Builds the encryptor; the builder may be reused. */
  public EnvelopeEncryptor build() {
    return new DefaultEnvelopeEncryptor(
        keys,
        ticker == null ? Ticker.system() : ticker,
        maximumUses < 0 ? DEFAULT_DATA_KEY_MAXIMUM_USES : maximumUses,
        maximumAge == null ? DEFAULT_DATA_KEY_MAXIMUM_AGE : maximumAge,
        maximumCachedKeys < 0 ? DEFAULT_MAXIMUM_CACHED_KEYS : maximumCachedKeys,
        chunkSize < 0 ? DEFAULT_CHUNK_SIZE : chunkSize);
  }
}
