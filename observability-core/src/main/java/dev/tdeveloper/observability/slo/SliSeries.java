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
 * open minute and the 6 hours before it, for short windows and time slices) and one-hour buckets
 * for the SLO window plus the open hour (721 for 30 days). A minute leaving the minute ring is
 * folded into its hour. Counts are {@code int}s per minute and {@code long}s per hour: about 14.4
 * KiB per series for a 30-day SLO (5.9 KiB for 7 days), twice that with time slices.
 *
 * <p>Precision: {@code record} does not read the clock. An event lands in the minute that was open
 * when it was recorded; {@link SliRecorder#advance()} (or each evaluation) opens the minute of the
 * clock, so events are late by at most the time between advances. A window of {@code W} covers the
 * open bucket and the {@code W} buckets before it: minute buckets for windows up to 6 hours (whole
 * minutes), hour buckets beyond (whole hours). A time slice counts in the minute it closes in, once
 * it has closed.
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
  private final long[] hourGood;
  private final long[] hourBad;
  private final long[] hourSliceGood;
  private final long[] hourSliceBad;
  private volatile int openSlot;
  private long openMinute; // guarded by this
  private long foldedHour = NONE; // guarded by this: hours <= foldedHour are in the hour ring
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
    this.hourGood = new long[hours];
    this.hourBad = new long[hours];
    this.hourSliceGood = slices ? new long[hours] : null;
    this.hourSliceBad = slices ? new long[hours] : null;
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
    long[] hg = sliceMinutes > 0 ? hourSliceGood : hourGood;
    long[] hb = sliceMinutes > 0 ? hourSliceBad : hourBad;
    long sumGood = 0;
    long sumBad = 0;
    int i = 0;
    for (int back = 0; back < MINUTES && i < minutes.length; back++) {
      int s = slot(openMinute - back);
      sumGood += (int) INTS.getVolatile(g, s);
      sumBad += (int) INTS.getVolatile(b, s);
      while (i < minutes.length && minutes[i] == back) {
        totals[i] = sumGood + sumBad;
        bads[i++] = sumBad;
      }
    }
    if (i == minutes.length || foldedHour == NONE) {
      for (; i < minutes.length; i++) {
        totals[i] = sumGood + sumBad;
        bads[i] = sumBad;
      }
      return;
    }
    long openHour = Math.floorDiv(openMinute, 60);
    long oldest = Math.max(foldedHour - hours + 1, openHour - minutes[minutes.length - 1] / 60);
    for (long h = foldedHour; h >= oldest - 1 && i < minutes.length; h--) {
      while (i < minutes.length && openHour - minutes[i] / 60 > h) {
        totals[i] = sumGood + sumBad;
        bads[i++] = sumBad;
      }
      if (h >= oldest) {
        int s = (int) Math.floorMod(h, (long) hours);
        sumGood += hg[s];
        sumBad += hb[s];
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
    if (sliceMinutes > 0) {
      long end = (Math.floorDiv(o, sliceMinutes) + 1) * sliceMinutes;
      if (end <= target) {
        closeSlice(end - sliceMinutes, o);
      }
    }
    long evictTo = Math.min(o, target - MINUTES);
    for (long m = o - MINUTES + 1; m <= evictTo; m++) {
      fold(m);
    }
    openMinute = target;
    at = now;
    openSlot = slot(target);
  }

  private void closeSlice(long first, long last) {
    long sliceGoodEvents = 0;
    long total = 0;
    for (long m = first; m <= last; m++) {
      int s = slot(m);
      int gs = (int) INTS.getVolatile(good, s);
      sliceGoodEvents += gs;
      total += gs + (int) INTS.getVolatile(bad, s);
    }
    if (total == 0) {
      return;
    }
    int s = slot(last);
    if ((double) sliceGoodEvents / total >= sliceTarget) {
      sliceGood[s]++;
    } else {
      sliceBad[s]++;
    }
  }

  private void fold(long minute) {
    long h = Math.floorDiv(minute, 60);
    if (h > foldedHour) {
      for (long z = Math.max(foldedHour + 1, h - hours + 1); z <= h; z++) {
        int hs = (int) Math.floorMod(z, (long) hours);
        hourGood[hs] = 0;
        hourBad[hs] = 0;
        if (hourSliceGood != null) {
          hourSliceGood[hs] = 0;
          hourSliceBad[hs] = 0;
        }
      }
      foldedHour = h;
    }
    int s = slot(minute);
    int hs = (int) Math.floorMod(h, (long) hours);
    hourGood[hs] += (int) INTS.getAndSet(good, s, 0);
    hourBad[hs] += (int) INTS.getAndSet(bad, s, 0);
    if (sliceGood != null) {
      hourSliceGood[hs] += sliceGood[s];
      hourSliceBad[hs] += sliceBad[s];
      sliceGood[s] = 0;
      sliceBad[s] = 0;
    }
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
