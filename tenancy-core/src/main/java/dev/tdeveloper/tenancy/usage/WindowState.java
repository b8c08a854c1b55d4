package dev.tdeveloper.tenancy.usage;

import dev.tdeveloper.tenancy.TenantId;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The running aggregate of one window of one tenant's meter, with the idempotency keys seen in it.
 * An event is first <em>reserved</em> (its key claimed, so a concurrent duplicate waits for the
 * outcome), then stored by the caller without holding this lock, then <em>committed</em> (counted)
 * or <em>aborted</em> (key released). A window is sealed once its grace period has passed and no
 * reservation is in flight; sealing drops the keys and distinct values, keeping only the totals.
 *
 * <p>Thread-safe: every field is guarded by {@code this}.
 */
final class WindowState {
  private static final CompletableFuture<Boolean> COUNTED = CompletableFuture.completedFuture(true);

  final TenantId tenant;
  final MeterDefinition meter;
  final Instant start;
  final Instant end;
  final Instant graceEnd;

  private Map<String, CompletableFuture<Boolean>> keys = new HashMap<>();
  private Set<String> distinct;
  private long value;
  private long count;
  private long pendingSum;
  private int inFlight;
  private boolean sealed;
  private Instant latestTime;
  private String latestKey;

  WindowState(TenantId tenant, MeterDefinition meter, Instant start) {
    this.tenant = tenant;
    this.meter = meter;
    this.start = start;
    this.end = meter.windowEnd(start);
    this.graceEnd = meter.graceEnd(start);
    this.distinct = meter.aggregation() == Aggregation.UNIQUE_COUNT ? new HashSet<>() : null;
  }

  /**
   * Claims {@code event}'s key. Returns a new future to complete through {@link #commit} or {@link
   * #abort}; {@link #COUNTED} when the key was already counted; the pending future of a concurrent
   * reservation of the same key; or null when the window is closed (the clock is read under the
   * lock, so no reservation succeeds once a reader has seen the window closed).
   *
   * @throws IllegalArgumentException if counting the event would overflow the SUM
   */
  synchronized Reservation reserve(UsageEvent event, InstantSource clock) {
    if (sealed || !clock.instant().isBefore(graceEnd)) {
      return null;
    }
    CompletableFuture<Boolean> existing = keys.get(event.idempotencyKey());
    if (existing != null) {
      return new Reservation(existing, false);
    }
    if (meter.aggregation() == Aggregation.SUM) {
      try {
        Math.addExact(Math.addExact(value, pendingSum), event.value());
      } catch (ArithmeticException overflow) {
        throw new IllegalArgumentException(
            "value "
                + event.value()
                + " would overflow the SUM of meter '"
                + meter.name()
                + "' for tenant '"
                + tenant
                + "' in the window starting "
                + start
                + " (current sum "
                + value
                + ")");
      }
      pendingSum += event.value();
    }
    CompletableFuture<Boolean> claim = new CompletableFuture<>();
    keys.put(event.idempotencyKey(), claim);
    inFlight++;
    return new Reservation(claim, true);
  }

  /** Counts a reserved event after it was stored, and wakes waiting duplicates. */
  void commit(UsageEvent event, CompletableFuture<Boolean> claim) {
    synchronized (this) {
      release(event);
      apply(event);
      keys.put(event.idempotencyKey(), COUNTED);
    }
    claim.complete(true);
  }

  /** Releases a reserved key after storing failed, so a retry may claim it. */
  void abort(UsageEvent event, CompletableFuture<Boolean> claim) {
    synchronized (this) {
      release(event);
      keys.remove(event.idempotencyKey());
    }
    claim.complete(false);
  }

  /** Counts a stored event during startup replay; returns false for a repeated key. */
  synchronized boolean replay(UsageEvent event) {
    if (sealed) {
      throw new IllegalStateException("replaying into sealed window " + start);
    }
    if (keys.putIfAbsent(event.idempotencyKey(), COUNTED) != null) {
      return false;
    }
    apply(event);
    return true;
  }

  /** Seals the window if its grace has passed at {@code now} and nothing is in flight. */
  synchronized boolean trySeal(Instant now) {
    if (sealed || inFlight > 0 || now.isBefore(graceEnd)) {
      return false;
    }
    sealed = true;
    keys = null;
    distinct = null;
    latestKey = null;
    return true;
  }

  /** Returns whether the window is sealed. */
  synchronized boolean isSealed() {
    return sealed;
  }

  /** Returns the current aggregate; closed when sealed or when no reservation can succeed. */
  synchronized WindowAggregate snapshot(Instant now) {
    boolean closed = sealed || (inFlight == 0 && !now.isBefore(graceEnd));
    return new WindowAggregate(tenant, meter.name(), start, end, value, count, closed);
  }

  /** Returns how many idempotency keys are remembered (zero once sealed). */
  synchronized int rememberedKeys() {
    return keys == null ? 0 : keys.size();
  }

  private void release(UsageEvent event) {
    inFlight--;
    if (meter.aggregation() == Aggregation.SUM) {
      pendingSum -= event.value();
    }
  }

  private void apply(UsageEvent event) {
    count++;
    long v = event.value();
    switch (meter.aggregation()) {
      case SUM -> value = Math.addExact(value, v);
      case COUNT -> value = count;
      case MAX -> value = count == 1 ? v : Math.max(value, v);
      case MIN -> value = count == 1 ? v : Math.min(value, v);
      case LATEST -> {
        int byTime = latestTime == null ? 1 : event.timestamp().compareTo(latestTime);
        if (byTime > 0 || (byTime == 0 && event.idempotencyKey().compareTo(latestKey) > 0)) {
          value = v;
          latestTime = event.timestamp();
          latestKey = event.idempotencyKey();
        }
      }
      case UNIQUE_COUNT -> {
        distinct.add(event.dimensions().get(meter.uniqueDimension().orElseThrow()));
        value = distinct.size();
      }
    }
  }

  /**
   * The outcome of {@link #reserve}: {@code owner} when the caller claimed the key and must store
   * the event, otherwise the claim (pending or {@link #COUNTED}) of the event already holding it.
   */
  record Reservation(CompletableFuture<Boolean> claim, boolean owner) {}
}
