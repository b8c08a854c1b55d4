package dev.tdeveloper.distribution.clock;

import dev.tdeveloper.distribution.DistributionException;
import dev.tdeveloper.distribution.spi.HlcStateStore;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * A hybrid logical clock (Kulkarni, Demirbas et al., "Logical Physical Clocks", 2014): stamps that
 * follow causality like a Lamport clock and stay within the maximum clock offset of physical time.
 * {@link #now()} stamps a local or send event, {@link #update} a receive event, with the paper's
 * rules on {@code (l, c)}:
 *
 * <pre>
 * send:    l' = max(l, pt);        c' = l' == l ? c + 1 : 0
 * receive: l' = max(l, lm, pt);    c' = l' == l == lm ? max(c, cm) + 1
 *                                     : l' == l ? c + 1 : l' == lm ? cm + 1 : 0
 * </pre>
 *
 * On the packed 64-bit form ({@link HlcTimestamp#encode()}) both rules are one maximum: {@code
 * max(pt << 16, last + 1, remote + 1)}, which a compare-and-set publishes, so the clock is
 * lock-free.
 *
 * <p><b>Counter overflow.</b> When the counter would pass {@value HlcTimestamp#MAX_LOGICAL} (more
 * than 65,536 stamps in one millisecond of {@code l}), the {@code + 1} carries into {@code l}: the
 * stamp becomes {@code (l + 1, 0)}. Stamps stay unique and ordered; {@code l} then runs ahead of
 * physical time by one millisecond per 65,536 stamps until the physical clock catches up.
 *
 * <p><b>Skew.</b> {@link #update} refuses a remote stamp more than {@link Builder#maxOffset
 * maxOffset} (default 500 ms, CockroachDB's) ahead of the local physical clock with a {@link
 * ClockSkewException} and leaves the clock unchanged.
 *
 * <p><b>Restarts.</b> No stamp's {@code l} ever exceeds the high-water mark stored in the clock's
 * {@link HlcStateStore}; a new clock over the same store starts above the mark it loads. So a
 * restarted process never repeats or goes below a stamp issued before, even if its physical clock
 * went back. The clock renews the mark to {@code max(l, pt) + reservationWindow} ahead of need:
 * once a stamp falls in the last half of the reserved window, the thread that issued it (one at a
 * time; the others keep stamping under the old mark) stores the new mark after its stamp. A
 * stamping thread waits for the store only when {@code l} has passed the stored mark (the first
 * stamp, a jump of the physical clock or of a remote stamp, or a store slower than half a window),
 * and then issues nothing unless the store succeeds. Under steady load the clock stores about twice
 * per window. A failed renewal ahead is not the issuing thread's failure (its stamp is covered):
 * the next stamp in the last half retries, and the stamp that passes the mark surfaces the store's
 * failure. Without a store the clock keeps the mark in memory and is monotonic only within the
 * process.
 *
 * <p>Thread-safe and lock-free except for the reservation, which one thread at a time makes.
 */
public final class Hlc {
  /** Default {@link Builder#maxOffset maximum offset}: 500 ms. */
  public static final Duration DEFAULT_MAX_OFFSET = Duration.ofMillis(500);

  /**
   * Default {@link Builder#reservationWindow reservation window}: 250 ms, or the maximum offset if
   * that is shorter.
   */
  public static final Duration DEFAULT_RESERVATION_WINDOW = Duration.ofMillis(250);

  /** {@code remote} of a send event: lower than any stamp, so {@code remote + 1} never wins. */
  private static final long NO_REMOTE = -1;

  private final LongSupplier physical;
  private final Duration maxOffset;
  private final long maxOffsetMillis;
  private final Duration window;
  private final long windowMillis;

  /** A stamp with {@code l} above {@code reservedMillis - renewAheadMillis} renews the mark. */
  private final long renewAheadMillis;

  private final HlcStateStore store;
  private final AtomicLong last;
  private final ReentrantLock reserving = new ReentrantLock();

  /** Stamps with {@code l} up to this are covered by the stored high-water mark. */
  private volatile long reservedMillis;

  private Hlc(LongSupplier physical, Duration maxOffset, Duration window, HlcStateStore store) {
    this.physical = physical;
    this.maxOffset = maxOffset;
    this.maxOffsetMillis = maxOffset.toMillis();
    this.window = window;
    this.windowMillis = window.toMillis();
    this.renewAheadMillis = windowMillis / 2;
    this.store = store;
    long mark = store.load();
    if (mark < 0 || mark > HlcTimestamp.MAX_PHYSICAL) {
      throw new DistributionException(
          "HLC high-water mark "
              + mark
              + " is out of range; allowed: 0 to "
              + HlcTimestamp.MAX_PHYSICAL);
    }
    // Every stamp before the restart had l <= mark: the next one is at least (mark + 1, 0).
    this.last = new AtomicLong(mark == 0 ? 0 : new HlcTimestamp(mark, 0xFFFF).encode());
    this.reservedMillis = mark;
  }

  /**
   * Returns a builder: physical time from {@link System#currentTimeMillis()}, 500 ms maximum
   * offset, 250 ms reservation window, high-water mark kept in memory only.
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Stamps a local or send event: a stamp above every stamp this clock issued or received.
   *
   * @return the stamp
   * @throws DistributionException if the high-water mark cannot be stored, or the physical clock
   *     reads outside 0 to {@link HlcTimestamp#MAX_PHYSICAL}
   */
  public HlcTimestamp now() {
    return HlcTimestamp.decode(tick(NO_REMOTE, 0));
  }

  /**
   * Stamps a receive event: a stamp above {@code remote} and above every stamp this clock issued or
   * received.
   *
   * @param remote the stamp carried by the received message
   * @return the stamp
   * @throws ClockSkewException if {@code remote} is more than the maximum offset ahead of the
   *     physical clock; the clock is then unchanged
   * @throws DistributionException if the high-water mark cannot be stored
   */
  public HlcTimestamp update(HlcTimestamp remote) {
    Objects.requireNonNull(remote, "remote");
    return HlcTimestamp.decode(tick(remote.encode(), remote.physicalMillis()));
  }

  /**
   * As {@link #now()}, returning the stamp in its {@linkplain HlcTimestamp#encode() 64-bit
   * encoding}: no object per stamp, for hot paths that keep or send the long.
   *
   * @return the encoded stamp
   * @throws DistributionException as {@link #now()}
   */
  public long nowEncoded() {
    return tick(NO_REMOTE, 0);
  }

  /**
   * As {@link #update(HlcTimestamp)}, taking and returning {@linkplain HlcTimestamp#encode()
   * encoded} stamps: no object per stamp.
   *
   * @param remote the encoded stamp carried by the received message
   * @return the encoded stamp
   * @throws IllegalArgumentException if {@code remote} is negative (not an encoded stamp)
   * @throws ClockSkewException as {@link #update(HlcTimestamp)}
   * @throws DistributionException as {@link #update(HlcTimestamp)}
   */
  public long updateEncoded(long remote) {
    if (remote < 0) {
      throw new IllegalArgumentException(
          "encoded HLC stamp " + remote + " is negative; allowed: 0 to " + Long.MAX_VALUE);
    }
    return tick(remote, remote >>> 16);
  }

  /** Returns the last stamp issued (or the floor after a restart), without issuing one. */
  public HlcTimestamp current() {
    return HlcTimestamp.decode(last.get());
  }

  /** Returns the maximum offset a remote stamp may be ahead of the physical clock. */
  public Duration maxOffset() {
    return maxOffset;
  }

  /** Returns how far ahead of the stamps issued the high-water mark is stored. */
  public Duration reservationWindow() {
    return window;
  }

  private long tick(long remote, long remoteMillis) {
    for (; ; ) {
      long pt = physicalMillis();
      if (remote != NO_REMOTE && remoteMillis - pt > maxOffsetMillis) {
        throw new ClockSkewException(HlcTimestamp.decode(remote), pt, maxOffset);
      }
      long prev = last.get();
      long next = Math.max(pt << 16, Math.max(prev, remote) + 1);
      if (next < 0) {
        throw new DistributionException(
            "HLC exhausted: the stamp after " + HlcTimestamp.decode(prev) + " does not fit");
      }
      long l = next >>> 16;
      long reserved = reservedMillis;
      if (l > reserved) {
        reserve(l, pt);
      } else if (last.compareAndSet(prev, next)) {
        if (l > reserved - renewAheadMillis) {
          renewAhead(l, pt);
        }
        return next;
      }
    }
  }

  /** Stores a mark covering {@code l}, waiting for a renewal in progress; throws if it fails. */
  private void reserve(long l, long pt) {
    reserving.lock();
    try {
      if (l > reservedMillis) {
        storeMark(l, pt);
      }
    } finally {
      reserving.unlock();
    }
  }

  /**
   * Renews the mark after a stamp in the window's last half, unless another thread is at it. The
   * stamp is already covered, so a failure here is left to the stamp that passes the mark.
   */
  private void renewAhead(long l, long pt) {
    if (!reserving.tryLock()) {
      return;
    }
    try {
      if (l > reservedMillis - renewAheadMillis) {
        storeMark(l, pt);
      }
    } catch (DistributionException e) {
      // retried by the next stamp in the last half, and surfaced by the one that passes the mark
    } finally {
      reserving.unlock();
    }
  }

  /** Stores {@code max(l, pt) + window}; under {@link #reserving}. */
  private void storeMark(long l, long pt) {
    long mark = Math.min(Math.max(l, pt) + windowMillis, HlcTimestamp.MAX_PHYSICAL);
    store.store(mark);
    reservedMillis = Math.max(reservedMillis, mark);
  }

  private long physicalMillis() {
    long pt = physical.getAsLong();
    if (pt < 0 || pt > HlcTimestamp.MAX_PHYSICAL) {
      throw new DistributionException(
          "physical clock reads "
              + pt
              + " ms since the epoch; allowed: 0 to "
              + HlcTimestamp.MAX_PHYSICAL);
    }
    return pt;
  }

  /**
   * Configures an {@link Hlc}; each setter at most once. Not thread-safe; the clock it builds is.
   */
  public static final class Builder {
    private LongSupplier physical;
    private Duration maxOffset;
    private Duration window;
    private HlcStateStore store;

    private Builder() {}

    /**
     * Reads physical time from {@code clock} (a {@link java.time.Clock} is one).
     *
     * @param clock the wall clock
     * @return this builder
     * @throws IllegalStateException if a physical time source was set already
     */
    public Builder physicalClock(InstantSource clock) {
      Objects.requireNonNull(clock, "clock");
      return physicalMillis(clock::millis);
    }

    /**
     * Reads physical time, in milliseconds since the epoch, from {@code millis}.
     *
     * @param millis the source, such as {@code System::currentTimeMillis}
     * @return this builder
     * @throws IllegalStateException if a physical time source was set already
     */
    public Builder physicalMillis(LongSupplier millis) {
      Objects.requireNonNull(millis, "millis");
      if (physical != null) {
        throw new IllegalStateException("the physical time source was already set");
      }
      physical = millis;
      return this;
    }

    /**
     * Sets how far a remote stamp may be ahead of the physical clock before {@link Hlc#update}
     * refuses it; default 500 ms.
     *
     * @param maxOffset 1 ms to 1 day
     * @return this builder
     * @throws IllegalArgumentException if out of range
     * @throws IllegalStateException if set already
     */
    public Builder maxOffset(Duration maxOffset) {
      requireMillis("maxOffset", maxOffset);
      if (this.maxOffset != null) {
        throw new IllegalStateException("maxOffset was already set to " + this.maxOffset);
      }
      this.maxOffset = maxOffset;
      return this;
    }

    /**
     * Sets how far ahead of the stamps issued the high-water mark is stored, trading about two
     * stores per window against how far ahead of physical time a restarted clock starts; default
     * 250 ms or the maximum offset if shorter. It may not exceed the maximum offset, or peers would
     * refuse a restarted clock's stamps.
     *
     * @param window 1 ms to 1 day
     * @return this builder
     * @throws IllegalArgumentException if out of range
     * @throws IllegalStateException if set already
     */
    public Builder reservationWindow(Duration window) {
      requireMillis("reservationWindow", window);
      if (this.window != null) {
        throw new IllegalStateException("reservationWindow was already set to " + this.window);
      }
      this.window = window;
      return this;
    }

    /**
     * Keeps the high-water mark in {@code store}, such as a {@link FileHlcStateStore}, so the clock
     * stays monotonic across restarts; default: in memory only.
     *
     * @param store the store
     * @return this builder
     * @throws IllegalStateException if set already
     */
    public Builder stateStore(HlcStateStore store) {
      Objects.requireNonNull(store, "store");
      if (this.store != null) {
        throw new IllegalStateException("the state store was already set");
      }
      this.store = store;
      return this;
    }

    /**
     * Builds the clock, loading the high-water mark from the store.
     *
     * @return the clock
     * @throws IllegalStateException if the reservation window exceeds the maximum offset
     * @throws DistributionException if the store cannot be read
     */
    public Hlc build() {
      Duration offset = maxOffset == null ? DEFAULT_MAX_OFFSET : maxOffset;
      Duration w = window;
      if (w == null) {
        w = DEFAULT_RESERVATION_WINDOW.compareTo(offset) <= 0 ? DEFAULT_RESERVATION_WINDOW : offset;
      } else if (w.compareTo(offset) > 0) {
        throw new IllegalStateException(
            "reservationWindow "
                + w
                + " exceeds maxOffset "
                + offset
                + ": a restarted clock would issue stamps its peers refuse");
      }
      return new Hlc(
          physical == null ? System::currentTimeMillis : physical,
          offset,
          w,
          store == null ? new MemoryHlcStateStore() : store);
    }

    private static void requireMillis(String name, Duration value) {
      Objects.requireNonNull(value, name);
      if (value.compareTo(Duration.ofMillis(1)) < 0 || value.compareTo(Duration.ofDays(1)) > 0) {
        throw new IllegalArgumentException(
            name + " " + value + " is out of range; allowed: 1 ms to 1 day");
      }
    }
  }
}
