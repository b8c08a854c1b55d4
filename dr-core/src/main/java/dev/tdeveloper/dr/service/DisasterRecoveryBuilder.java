package dev.tdeveloper.dr.service;

import dev.tdeveloper.dr.drill.DrillSelection;
import dev.tdeveloper.dr.drill.DrillValidation;
import dev.tdeveloper.dr.policy.BackupPolicy;
import dev.tdeveloper.dr.spi.BackupStore;
import dev.tdeveloper.dr.spi.ChangeJournal;
import dev.tdeveloper.dr.spi.ChunkCipher;
import dev.tdeveloper.tenancy.event.EventListener;
import dev.tdeveloper.tenancy.time.Ticker;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Configures a {@link DisasterRecovery}. The store, cipher, journal, scratch root, drill-history
 * file and at least one policy are required; every other setting has a default. Each setting may be
 * given once (policies and listeners are added). Not thread-safe.
 */
public final class DisasterRecoveryBuilder {
  /** The drill period unless configured: 1 hour. */
  public static final Duration DEFAULT_DRILL_EVERY = Duration.ofHours(1);

  /** The verification period unless configured: 1 hour. */
  public static final Duration DEFAULT_VERIFY_EVERY = Duration.ofHours(1);

  /** The objectives-check period unless configured: 1 minute. */
  public static final Duration DEFAULT_CHECK_EVERY = Duration.ofMinutes(1);

  BackupStore store;
  ChunkCipher cipher;
  ChangeJournal journal;
  InstantSource clock = InstantSource.system();
  Ticker ticker = Ticker.system();
  Path scratchRoot;
  Path drillHistory;
  final List<BackupPolicy> policies = new ArrayList<>();
  DrillValidation validation = DrillValidation.checksumsOnly();
  DrillSelection selection = DrillSelection.LATEST;
  Duration drillWindow = Duration.ofDays(7);
  Duration drillEvery = DEFAULT_DRILL_EVERY;
  Duration firstDrillAfter;
  Duration verifyEvery = DEFAULT_VERIFY_EVERY;
  Duration checkEvery = DEFAULT_CHECK_EVERY;
  Duration gcGrace = Duration.ZERO;
  final List<EventListener<Object>> listeners = new ArrayList<>();
  private final Set<String> set = new HashSet<>();

  DisasterRecoveryBuilder() {}

  private void once(String setting) {
    if (!set.add(setting)) {
      throw new IllegalStateException("DisasterRecovery." + setting + " was already set");
    }
  }

  /** Sets where backups go (required); the caller owns and closes it. */
  public DisasterRecoveryBuilder store(BackupStore store) {
    once("store");
    this.store = Objects.requireNonNull(store, "store");
    return this;
  }

  /** Sets how chunks are sealed (required). */
  public DisasterRecoveryBuilder cipher(ChunkCipher cipher) {
    once("cipher");
    this.cipher = Objects.requireNonNull(cipher, "cipher");
    return this;
  }

  /** Sets the change journal replayed by recoveries (required); the caller owns and closes it. */
  public DisasterRecoveryBuilder journal(ChangeJournal journal) {
    once("journal");
    this.journal = Objects.requireNonNull(journal, "journal");
    return this;
  }

  /** Sets the wall clock; the system clock by default. */
  public DisasterRecoveryBuilder clock(InstantSource clock) {
    once("clock");
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /** Sets the monotonic time source durations are measured with; the system ticker by default. */
  public DisasterRecoveryBuilder ticker(Ticker ticker) {
    once("ticker");
    this.ticker = Objects.requireNonNull(ticker, "ticker");
    return this;
  }

  /** Sets the directory drills restore into (each in its own subdirectory); required. */
  public DisasterRecoveryBuilder scratchRoot(Path scratchRoot) {
    once("scratchRoot");
    this.scratchRoot = Objects.requireNonNull(scratchRoot, "scratchRoot");
    return this;
  }

  /** Sets the file drill results are kept in (opened and closed by the facade); required. */
  public DisasterRecoveryBuilder drillHistory(Path file) {
    once("drillHistory");
    this.drillHistory = Objects.requireNonNull(file, "file");
    return this;
  }

  /**
   * Adds a policy; its RPO and RTO become the targets of its sources.
   *
   * @throws IllegalArgumentException if a policy of the same name, or one covering one of its
   *     sources, was added (two retentions on one source would fight)
   */
  public DisasterRecoveryBuilder policy(BackupPolicy policy) {
    Objects.requireNonNull(policy, "policy");
    for (BackupPolicy other : policies) {
      if (other.name().equals(policy.name())) {
        throw new IllegalArgumentException("policy '" + policy.name() + "' was already added");
      }
      for (String source : policy.sources()) {
        if (other.sources().contains(source)) {
          throw new IllegalArgumentException(
              "source '"
                  + source
                  + "' of policy '"
                  + policy.name()
                  + "' is already covered by policy '"
                  + other.name()
                  + "'; a source may be covered by one policy only");
        }
      }
    }
    policies.add(policy);
    return this;
  }

  /** Sets the user check drills run on restored data; checksums only by default. */
  public DisasterRecoveryBuilder drillValidation(DrillValidation validation) {
    once("drillValidation");
    this.validation = Objects.requireNonNull(validation, "validation");
    return this;
  }

  /** Sets which backup drills restore; {@link DrillSelection#LATEST} by default. */
  public DisasterRecoveryBuilder drillSelection(DrillSelection selection) {
    once("drillSelection");
    this.selection = Objects.requireNonNull(selection, "selection");
    return this;
  }

  /** Sets how far back drills select backups from; 7 days by default. */
  public DisasterRecoveryBuilder drillWindow(Duration window) {
    once("drillWindow");
    this.drillWindow = positive("drillWindow", window);
    return this;
  }

  /**
   * Sets how often {@link DisasterRecovery#start} drills every source, and how long after the start
   * the first drills run (by default one period).
   */
  public DisasterRecoveryBuilder drillEvery(Duration period, Duration firstAfter) {
    once("drillEvery");
    this.drillEvery = positive("drillEvery", period);
    Objects.requireNonNull(firstAfter, "firstAfter");
    if (firstAfter.isNegative()) {
      throw new IllegalArgumentException("drill firstAfter must be >= 0, was " + firstAfter);
    }
    this.firstDrillAfter = firstAfter;
    return this;
  }

  /** Sets how often {@link DisasterRecovery#start} verifies every backup; 1 hour by default. */
  public DisasterRecoveryBuilder verifyEvery(Duration period) {
    once("verifyEvery");
    this.verifyEvery = positive("verifyEvery", period);
    return this;
  }

  /** Sets how often {@link DisasterRecovery#start} checks the objectives; 1 minute by default. */
  public DisasterRecoveryBuilder checkEvery(Duration period) {
    once("checkEvery");
    this.checkEvery = positive("checkEvery", period);
    return this;
  }

  /**
   * Sets how long an unreferenced chunk must have been seen before garbage collection deletes it;
   * zero by default, which is right while this facade's engine is the store's only writer (its own
   * running backups' chunks are always kept). Use more than the longest backup when other processes
   * write to the store.
   */
  public DisasterRecoveryBuilder gcGrace(Duration grace) {
    once("gcGrace");
    Objects.requireNonNull(grace, "grace");
    if (grace.isNegative()) {
      throw new IllegalArgumentException("gcGrace must be >= 0, was " + grace);
    }
    this.gcGrace = grace;
    return this;
  }

  /**
   * Adds a listener of every event the parts publish: {@code BackupEvent}, {@code DrillEvent},
   * {@code ObjectiveEvent} and {@code SchedulerEvent}.
   */
  public DisasterRecoveryBuilder listener(EventListener<Object> listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
    return this;
  }

  /**
   * Builds the facade and opens the drill history.
   *
   * @throws IllegalStateException naming every required setting missing
   * @throws dev.tdeveloper.dr.DrException if the drill history cannot be opened
   */
  public DisasterRecovery build() {
    Map<String, Object> required = new HashMap<>();
    required.put("store", store);
    required.put("cipher", cipher);
    required.put("journal", journal);
    required.put("scratchRoot", scratchRoot);
    required.put("drillHistory", drillHistory);
    List<String> missing =
        required.entrySet().stream()
            .filter(e -> e.getValue() == null)
            .map(Map.Entry::getKey)
            .sorted()
            .toList();
    if (!missing.isEmpty() || policies.isEmpty()) {
      throw new IllegalStateException(
          "DisasterRecovery needs "
              + (missing.isEmpty()
                  ? ""
                  : "a value for " + missing + (policies.isEmpty() ? " and " : ""))
              + (policies.isEmpty() ? "at least one policy" : ""));
    }
    if (firstDrillAfter == null) {
      firstDrillAfter = drillEvery;
    }
    return new DisasterRecovery(this);
  }

  private static Duration positive(String field, Duration value) {
    Objects.requireNonNull(value, field);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(field + " must be positive, was " + value);
    }
    return value;
  }
}
