package dev.tdeveloper.compliance.audit;

import dev.tdeveloper.compliance.audit.integrity.KeyedChain;
import dev.tdeveloper.compliance.spi.AuditSink;
import dev.tdeveloper.tenancy.event.EventListener;
import dev.tdeveloper.tenancy.internal.Listeners;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Configures an {@link AuditLogger}. Each setting may be given once; {@link #build()} copies the
 * configuration, so the builder may be reused. Not thread-safe.
 */
public final class AuditLoggerBuilder {
  /** The default queue capacity: {@value} entries. */
  public static final int DEFAULT_QUEUE_CAPACITY = 16_384;

  /** The largest queue capacity: {@value} entries. */
  public static final int MAX_QUEUE_CAPACITY = 1 << 20;

  /** The default time {@code log} waits for room in a full queue: one second. */
  public static final Duration DEFAULT_OFFER_TIMEOUT = Duration.ofSeconds(1);

  /** The longest offer timeout: one minute. */
  public static final Duration MAX_OFFER_TIMEOUT = Duration.ofMinutes(1);

  /** The longest group commit delay: one second. */
  public static final Duration MAX_GROUP_COMMIT_DELAY = Duration.ofSeconds(1);

  private static final Pattern DETAIL_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9._-]{0,63}");

  private AuditSink sink;
  private Durability durability;
  private Clock clock;
  private Pseudonymizer pseudonymizer;
  private Set<String> personalDetails;
  private Set<String> nonPersonalActors;
  private KeyedChain keyedChain;
  private Integer queueCapacity;
  private Duration offerTimeout;
  private Duration groupCommitDelay;
  private LeafObserver leafObserver;
  private Listeners<AuditLogEvent> listeners = Listeners.none();

  AuditLoggerBuilder() {}

  /**
   * Sets where entries are stored (default: a new {@link InMemoryAuditSink}). The logger continues
   * the sink's log at {@link AuditSink#size()} and closes the sink when it is closed.
   */
  public AuditLoggerBuilder sink(AuditSink sink) {
    once("sink", this.sink);
    this.sink = Objects.requireNonNull(sink, "sink");
    return this;
  }

  /** Sets when an entry counts as durable (default: {@link Durability#GROUP_COMMIT}). */
  public AuditLoggerBuilder durability(Durability durability) {
    once("durability", this.durability);
    this.durability = Objects.requireNonNull(durability, "durability");
    return this;
  }

  /** Sets the clock of the logger's own events (default: the system UTC clock). */
  public AuditLoggerBuilder clock(Clock clock) {
    once("clock", this.clock);
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /**
   * Pseudonymizes the actor, the source IP and the {@linkplain #personalDetails personal details}
   * of every event before it is encoded, so the log never stores them raw (default: none).
   */
  public AuditLoggerBuilder pseudonymizer(Pseudonymizer pseudonymizer) {
    once("pseudonymizer", this.pseudonymizer);
    this.pseudonymizer = Objects.requireNonNull(pseudonymizer, "pseudonymizer");
    return this;
  }

  /**
   * Names the detail keys whose values are personal data and are pseudonymized (default: none);
   * needs a {@link #pseudonymizer}.
   *
   * @throws IllegalArgumentException if a key is not a valid detail key
   */
  public AuditLoggerBuilder personalDetails(String... keys) {
    once("personalDetails", this.personalDetails);
    Objects.requireNonNull(keys, "keys");
    TreeSet<String> set = new TreeSet<>();
    for (String key : keys) {
      Objects.requireNonNull(key, "personalDetails key");
      if (!DETAIL_KEY.matcher(key).matches()) {
        throw new IllegalArgumentException(
            "personalDetails key '"
                + key
                + "' is not a detail key: 1 to 64 characters, a letter then letters, digits, "
                + "'.', '_' or '-'");
      }
      set.add(key);
    }
    this.personalDetails = Set.copyOf(set);
    return this;
  }

  /**
   * Names actors that are not people, such as {@code system}, {@code anonymous} or a job's name:
   * the pseudonymizer leaves them as they are, so the log stays readable where it holds no personal
   * data (default: none; every actor is pseudonymized when a pseudonymizer is set).
   *
   * @throws IllegalArgumentException if an actor is blank
   */
  public AuditLoggerBuilder nonPersonalActors(String... actors) {
    once("nonPersonalActors", this.nonPersonalActors);
    Objects.requireNonNull(actors, "actors");
    TreeSet<String> set = new TreeSet<>();
    for (String actor : actors) {
      if (Objects.requireNonNull(actor, "nonPersonalActors actor").isBlank()) {
        throw new IllegalArgumentException("nonPersonalActors holds a blank actor");
      }
      set.add(actor);
    }
    this.nonPersonalActors = Set.copyOf(set);
    return this;
  }

  /**
   * Chains every entry with an HMAC key (default: none). The logger continues the chain stored in
   * the sink, and refuses to open a sink whose last entry does not match the key.
   */
  public AuditLoggerBuilder keyedChain(KeyedChain keyedChain) {
    once("keyedChain", this.keyedChain);
    this.keyedChain = Objects.requireNonNull(keyedChain, "keyedChain");
    return this;
  }

  /**
   * Sets how many entries may wait for the writer (default {@value #DEFAULT_QUEUE_CAPACITY}).
   *
   * @throws IllegalArgumentException unless 1 to {@value #MAX_QUEUE_CAPACITY}
   */
  public AuditLoggerBuilder queueCapacity(int queueCapacity) {
    once("queueCapacity", this.queueCapacity);
    if (queueCapacity < 1 || queueCapacity > MAX_QUEUE_CAPACITY) {
      throw new IllegalArgumentException(
          "queueCapacity must be 1 to " + MAX_QUEUE_CAPACITY + ", got " + queueCapacity);
    }
    this.queueCapacity = queueCapacity;
    return this;
  }

  /**
   * Sets how long {@code log} waits for room in a full queue before it throws {@link
   * AuditBackpressureException} (default one second; zero: do not wait).
   *
   * @throws IllegalArgumentException if negative or longer than one minute
   */
  public AuditLoggerBuilder offerTimeout(Duration offerTimeout) {
    once("offerTimeout", this.offerTimeout);
    this.offerTimeout = upTo("offerTimeout", offerTimeout, MAX_OFFER_TIMEOUT);
    return this;
  }

  /**
   * Sets how long the writer waits, once an entry is queued, for more before it stores them as one
   * batch (default zero: it stores what is queued at once). With {@link Durability#GROUP_COMMIT}
   * every batch costs one {@code fsync}, so a short delay trades that much more time until an entry
   * is durable for fewer syncs when entries arrive one by one: a caller that does not wait for
   * durability (an HTTP audit filter) pays nothing, {@link AuditLogger#logAndWait} up to the delay.
   * Nothing is acknowledged earlier than before, so no guarantee changes.
   *
   * @throws IllegalArgumentException if negative or longer than one second
   */
  public AuditLoggerBuilder groupCommitDelay(Duration groupCommitDelay) {
    once("groupCommitDelay", this.groupCommitDelay);
    this.groupCommitDelay = upTo("groupCommitDelay", groupCommitDelay, MAX_GROUP_COMMIT_DELAY);
    return this;
  }

  /** Sets the hook told about every stored entry, in sequence order (default: none). */
  public AuditLoggerBuilder leafObserver(LeafObserver leafObserver) {
    once("leafObserver", this.leafObserver);
    this.leafObserver = Objects.requireNonNull(leafObserver, "leafObserver");
    return this;
  }

  /** Adds a listener for the logger's own events (write failed, backpressure, closed). */
  public AuditLoggerBuilder listener(EventListener<? super AuditLogEvent> listener) {
    this.listeners = listeners.with(Objects.requireNonNull(listener, "listener"));
    return this;
  }

  /**
   * Opens the logger on its sink and starts its writer thread.
   *
   * @throws IllegalStateException if personal details are named without a pseudonymizer, or a group
   *     commit delay is set with {@link Durability#SYNC} (which syncs every entry alone)
   * @throws dev.tdeveloper.compliance.ComplianceException if the sink's log cannot be continued (a
   *     keyed chain that does not match, an unkeyed log given a key or the reverse)
   */
  public AuditLogger build() {
    if (personalDetails != null && !personalDetails.isEmpty() && pseudonymizer == null) {
      throw new IllegalStateException(
          "personalDetails " + personalDetails + " are set but no pseudonymizer is");
    }
    if (groupCommitDelay != null && !groupCommitDelay.isZero() && durability == Durability.SYNC) {
      throw new IllegalStateException(
          "groupCommitDelay "
              + groupCommitDelay
              + " is set with durability SYNC, which syncs every entry on its own");
    }
    LoggerSettings settings =
        new LoggerSettings(
            sink == null ? new InMemoryAuditSink() : sink,
            durability == null ? Durability.GROUP_COMMIT : durability,
            clock == null ? Clock.systemUTC() : clock,
            Optional.ofNullable(pseudonymizer),
            personalDetails == null ? Set.of() : personalDetails,
            nonPersonalActors == null ? Set.of() : nonPersonalActors,
            Optional.ofNullable(keyedChain),
            queueCapacity == null ? DEFAULT_QUEUE_CAPACITY : queueCapacity,
            offerTimeout == null ? DEFAULT_OFFER_TIMEOUT : offerTimeout,
            groupCommitDelay == null ? Duration.ZERO : groupCommitDelay,
            Optional.ofNullable(leafObserver),
            listeners);
    return new DefaultAuditLogger(settings);
  }

  /** Returns {@code value}, refused unless 0 to {@code max}. */
  private static Duration upTo(String name, Duration value, Duration max) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.compareTo(max) > 0) {
      throw new IllegalArgumentException(name + " must be 0 to " + max + ", got " + value);
    }
    return value;
  }

  private static void once(String name, Object current) {
    if (current != null) {
      throw new IllegalStateException(name + " was already set");
    }
  }
}
