package dev.tdeveloper.observability.slo;

import dev.tdeveloper.tenancy.TenantId;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The indicator of one SLO for one tenant: a handle resolved once with {@link SliRecorder#series},
 * whose {@link #record} costs one atomic increment and allocates nothing.
 *
 * <p>Storage is two rings of fixed buckets, never a list of events: 361 one-minute buckets (the
 * open minute and the 6 hours before it, for short windows and time slices) and, per hour of the
 * SLO window plus two, the running total of every minute that has left the minute ring (folded in
 * when its bucket is reused), so any hour window is one subtraction. Counts are {@code int}s per
 * minute and {@code long}s per hour: 14,440 bytes of arrays per series for a 30-day SLO (13,656 for
 * 28 days, 5,592 for 7 days), twice that with time slices.
 *
 * <p>Precision: {@code record} does not read the clock. An event lands in the minute that was open
 * when it was recorded; {@link SliRecorder#advance()} (or each evaluation) opens the minute of the
 * clock, so events are late by at most the time between advances. A window of {@code W} covers the
 * open bucket and the {@code W} buckets before it: minute buckets for windows up to 6 hours (whole
 * minutes), hour buckets beyond (whole hours). A time slice counts in its last minute, once it has
 * closed.
 *
 * <p>Thread-safe: {@code record} is lock-free; advancing and reading take the series' lock. A
 * handle of a {@linkplain SliRecorder#remove removed} series still accepts events, which no one
 * reads.
 */
public final class SliSeries {
  /** Minute buckets: the open minute and the 360 before it. */
  static final int MINUTES = 361;

  private static final VarHandle INTS = MethodHandles.arrayElementVarHandle(int[].class);
  private static final long NONE = Long.MIN_VALUE / 4;

  private final Slo slo;
  private final TenantId tenant;
  private final long thresholdNanos;
  private final int sliceMinutes;
  private final double sliceTarget;
  private final int hours;
  private final int[] good = new int[MINUTES];
  private final int[] bad = new int[MINUTES];
  private final int[] sliceGood;
  private final int[] sliceBad;
  private final long[] cumGood;
  private final long[] cumBad;
  private final long[] cumSliceGood;
  private final long[] cumSliceBad;
  private volatile int openSlot;
  private long openMinute; // guarded by this
  // guarded by this: minutes of hours <= foldedHour that left the minute ring are in the hour rings
  private long foldedHour = NONE;
  private Instant at; // guarded by this

  SliSeries(Slo slo, TenantId tenant, Instant now) {
    this.slo = slo;
    this.tenant = tenant;
    this.thresholdNanos = slo.latencyThreshold().map(Duration::toNanos).orElse(Long.MAX_VALUE);
    this.sliceMinutes = slo.sliceMinutes();
    this.sliceTarget = slo.sliceTarget().orElse(1);
    this.hours = (int) slo.window().toHours() + 1;
    boolean slices = sliceMinutes > 0;
    this.sliceGood = slices ? new int[MINUTES] : null;
    this.sliceBad = slices ? new int[MINUTES] : null;
    this.cumGood = new long[hours + 1];
    this.cumBad = new long[hours + 1];
    this.cumSliceGood = slices ? new long[hours + 1] : null;
    this.cumSliceBad = slices ? new long[hours + 1] : null;
    this.openMinute = minuteOf(now);
    this.openSlot = slot(openMinute);
    this.at = now;
  }

  /** Returns the SLO. */
  public Slo slo() {
    return slo;
  }

  /** Returns the tenant. */
  public TenantId tenant() {
    return tenant;
  }

  /** Records one event, good or bad, in the open minute. Lock-free and allocation-free. */
  public void record(boolean isGood) {
    INTS.getAndAdd(isGood ? good : bad, openSlot, 1);
  }

  /**
   * Records one event of a {@link SliKind#LATENCY} SLO: good when {@code nanos} is at most the
   * threshold. Lock-free and allocation-free.
   *
   * @throws IllegalStateException if the SLO is not a latency SLO (nothing is recorded)
   */
  public void recordLatencyNanos(long nanos) {
    if (thresholdNanos == Long.MAX_VALUE) {
      throw new IllegalStateException(
          "SLO '" + slo.id() + "' is a RATIO SLO; record(boolean) its events instead");
    }
    INTS.getAndAdd(nanos <= thresholdNanos ? good : bad, openSlot, 1);
  }

  /**
   * Records {@code goodEvents} good and {@code badEvents} bad events at once, in the open minute.
   *
   * @throws IllegalArgumentException if a count is negative (nothing is recorded)
   */
  public void record(int goodEvents, int badEvents) {
    if (goodEvents < 0 || badEvents < 0) {
      throw new IllegalArgumentException(
          "events: good " + goodEvents + ", bad " + badEvents + "; allowed: counts >= 0");
    }
    int s = openSlot;
    INTS.getAndAdd(good, s, goodEvents);
    INTS.getAndAdd(bad, s, badEvents);
  }

  /** Returns the instant of the last advance: what counts and budgets are as of. */
  public synchronized Instant at() {
    return at;
  }

  /**
   * Returns the counts over {@code window}: events, or closed slices for time-slice budgeting.
   *
   * @throws IllegalArgumentException if the window is not 1 minute to 6 hours in whole minutes or
   *     whole hours up to the SLO window
   */
  public SliCounts counts(Duration window) {
    long[] totals = new long[1];
    long[] bads = new long[1];
    sums(new long[] {checkedMinutes(window)}, totals, bads);
    return new SliCounts(totals[0], bads[0]);
  }

  /** Returns the burn rate over {@code window} (see {@link #counts}). */
  public double burnRate(Duration window) {
    return counts(window).burnRate(slo.objective());
  }

  /** Returns the error budget over the SLO window as of the last advance. */
  public ErrorBudget budget() {
    long[] totals = new long[1];
    long[] bads = new long[1];
    Instant now;
    synchronized (this) {
      sums(new long[] {slo.window().toMinutes()}, totals, bads);
      now = at;
    }
    return new ErrorBudget(slo, tenant, now, new SliCounts(totals[0], bads[0]));
  }

  long checkedMinutes(Duration window) {
    Windows.check("window", window);
    if (window.compareTo(slo.window()) > 0) {
      throw new IllegalArgumentException(
          "window: "
              + Windows.format(window)
              + " is longer than the window of SLO '"
              + slo.id()
              + "'; allowed: up to "
              + Windows.format(slo.window()));
    }
    return window.toMinutes();
  }

  /**
   * Sums the windows {@code minutes} (valid, ascending) in one backward pass into {@code totals}
   * and {@code bads}.
   */
  synchronized void sums(long[] minutes, long[] totals, long[] bads) {
    int[] g = sliceMinutes > 0 ? sliceGood : good;
    int[] b = sliceMinutes > 0 ? sliceBad : bad;
    long[] cg = sliceMinutes > 0 ? cumSliceGood : cumGood;
    long[] cb = sliceMinutes > 0 ? cumSliceBad : cumBad;
    long sumGood = 0;
    long sumBad = 0;
    int i = 0;
    int s = slot(openMinute);
    for (int back = 0; back < MINUTES && i < minutes.length; back++) {
      sumGood += (int) INTS.getOpaque(g, s);
      sumBad += (int) INTS.getOpaque(b, s);
      s = s == 0 ? MINUTES - 1 : s - 1;
      while (i < minutes.length && minutes[i] == back) {
        totals[i] = sumGood + sumBad;
        bads[i++] = sumBad;
      }
    }
    if (i < minutes.length && foldedHour != NONE) {
      long openHour = Math.floorDiv(openMinute, 60);
      int last = cumSlot(foldedHour);
      for (; i < minutes.length; i++) {
        long start = openHour - minutes[i] / 60;
        long foldedGood = 0;
        long foldedBad = 0;
        if (start <= foldedHour) {
          int before = cumSlot(start - 1);
          foldedGood = cg[last] - cg[before];
          foldedBad = cb[last] - cb[before];
        }
        totals[i] = sumGood + sumBad + foldedGood + foldedBad;
        bads[i] = sumBad + foldedBad;
      }
    }
    for (; i < minutes.length; i++) {
      totals[i] = sumGood + sumBad;
      bads[i] = sumBad;
    }
  }

  /** Opens the minute of {@code now}, closing a time slice and folding old minutes into hours. */
  synchronized void advance(Instant now) {
    long target = minuteOf(now);
    if (target <= openMinute) {
      return;
    }
    long o = openMinute;
    int verdict = 0; // of the slice holding minute o, if it closes now: 1 good, -1 bad
    long sliceEnd = 0;
    if (sliceMinutes > 0) {
      sliceEnd = (Math.floorDiv(o, sliceMinutes) + 1) * sliceMinutes;
      if (sliceEnd <= target) {
        verdict = verdict(sliceEnd - sliceMinutes, o);
      }
    }
    long evictTo = Math.min(o, target - MINUTES);
    for (long m = o - MINUTES + 1; m <= evictTo; m++) {
      fold(m);
    }
    if (verdict != 0) {
      long last = sliceEnd - 1; // the slice counts in its last minute
      int s = slot(last);
      if (verdict > 0) {
        sliceGood[s]++;
      } else {
        sliceBad[s]++;
      }
      if (last <= target - MINUTES) {
        fold(last); // a jump past the whole minute ring: straight into its hour
      }
    }
    openMinute = target;
    at = now;
    openSlot = slot(target);
  }

  /** Returns 1 for a good slice, -1 for a bad one, 0 for one without events. */
  private int verdict(long first, long last) {
    long sliceGoodEvents = 0;
    long total = 0;
    for (long m = first; m <= last; m++) {
      int s = slot(m);
      int gs = (int) INTS.getVolatile(good, s);
      sliceGoodEvents += gs;
      total += gs + (int) INTS.getVolatile(bad, s);
    }
    if (total == 0) {
      return 0;
    }
    return (double) sliceGoodEvents / total >= sliceTarget ? 1 : -1;
  }

  private void fold(long minute) {
    long h = Math.floorDiv(minute, 60);
    if (h > foldedHour) {
      boolean first = foldedHour == NONE;
      int from = first ? 0 : cumSlot(foldedHour);
      for (long z = first ? h : Math.max(foldedHour + 1, h - hours); z <= h; z++) {
        int to = cumSlot(z);
        cumGood[to] = first ? 0 : cumGood[from];
        cumBad[to] = first ? 0 : cumBad[from];
        if (cumSliceGood != null) {
          cumSliceGood[to] = first ? 0 : cumSliceGood[from];
          cumSliceBad[to] = first ? 0 : cumSliceBad[from];
        }
      }
      foldedHour = h;
    }
    int s = slot(minute);
    int hs = cumSlot(h);
    cumGood[hs] += (int) INTS.getAndSet(good, s, 0);
    cumBad[hs] += (int) INTS.getAndSet(bad, s, 0);
    if (sliceGood != null) {
      cumSliceGood[hs] += sliceGood[s];
      cumSliceBad[hs] += sliceBad[s];
      sliceGood[s] = 0;
      sliceBad[s] = 0;
    }
  }

  /** The slot of hour {@code h} in the cumulative rings, one longer than the SLO window. */
  private int cumSlot(long h) {
    return (int) Math.floorMod(h, (long) hours + 1);
  }

  private static int slot(long minute) {
    return (int) Math.floorMod(minute, (long) MINUTES);
  }

  private static long minuteOf(Instant now) {
    return Math.floorDiv(Objects.requireNonNull(now, "now").toEpochMilli(), Windows.MINUTE_MS);
  }

  @Override
  public String toString() {
    return "SliSeries[" + slo.id() + ", " + tenant + "]";
  }
}
