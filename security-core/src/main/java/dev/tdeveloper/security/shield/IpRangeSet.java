package dev.tdeveloper.security.shield;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * A set of IP ranges (an allow list, a deny list, the trusted proxies) with a fast membership test:
 * the ranges are merged into sorted, disjoint intervals per address family, and {@link #contains}
 * is a binary search over primitive arrays — {@code O(log n)}, allocation-free.
 *
 * <p>Immutable and thread-safe.
 */
public final class IpRangeSet {
  private static final IpRangeSet EMPTY = new IpRangeSet(List.of());

  private final List<IpRange> ranges;
  private final Intervals ipv4;
  private final Intervals ipv6;

  private IpRangeSet(List<IpRange> ranges) {
    this.ranges = ranges;
    List<long[]> v4 = new ArrayList<>();
    List<long[]> v6 = new ArrayList<>();
    for (IpRange range : ranges) {
      IpAddress net = range.network();
      int prefix = range.prefixLength();
      if (net.isIpv4()) {
        v4.add(new long[] {0, net.low(), 0, net.low() | (~IpRange.mask4(prefix) & 0xffff_ffffL)});
      } else {
        v6.add(
            new long[] {
              net.high(),
              net.low(),
              net.high() | ~IpRange.maskHigh(prefix),
              net.low() | ~IpRange.maskLow(prefix)
            });
      }
    }
    this.ipv4 = Intervals.merge(v4);
    this.ipv6 = Intervals.merge(v6);
  }

  /** Returns the empty set. */
  public static IpRangeSet empty() {
    return EMPTY;
  }

  /**
   * Returns the set of the given addresses and CIDR blocks ({@code "10.0.0.0/8"}, {@code
   * "2001:db8::/32"}, {@code "192.0.2.7"}).
   *
   * @throws IllegalArgumentException naming the first value that is not an address or block
   */
  public static IpRangeSet of(String... ranges) {
    Objects.requireNonNull(ranges, "ranges");
    return parse(Arrays.asList(ranges));
  }

  /**
   * Returns the set of the given addresses and CIDR blocks, as {@link #of(String...)}.
   *
   * @throws IllegalArgumentException naming the first value that is not an address or block
   */
  public static IpRangeSet parse(Collection<String> ranges) {
    Objects.requireNonNull(ranges, "ranges");
    List<IpRange> parsed = new ArrayList<>(ranges.size());
    for (String text : ranges) {
      parsed.add(IpRange.parse(Objects.requireNonNull(text, "range")));
    }
    return ofRanges(parsed);
  }

  /** Returns the set of the given ranges (duplicates dropped, order kept). */
  public static IpRangeSet ofRanges(Collection<IpRange> ranges) {
    Objects.requireNonNull(ranges, "ranges");
    LinkedHashSet<IpRange> unique = new LinkedHashSet<>();
    for (IpRange range : ranges) {
      unique.add(Objects.requireNonNull(range, "range"));
    }
    return unique.isEmpty() ? EMPTY : new IpRangeSet(List.copyOf(unique));
  }

  /** Returns whether {@code address} lies in one of the ranges. Allocation-free. */
  public boolean contains(IpAddress address) {
    Objects.requireNonNull(address, "address");
    return address.isIpv4()
        ? ipv4.contains(0, address.low())
        : ipv6.contains(address.high(), address.low());
  }

  /** Returns whether the set has no ranges. */
  public boolean isEmpty() {
    return ranges.isEmpty();
  }

  /** Returns the ranges as given (duplicates dropped). */
  public List<IpRange> ranges() {
    return ranges;
  }

  /** Returns the number of disjoint intervals the ranges merged into (a measure of lookup cost). */
  public int intervalCount() {
    return ipv4.size() + ipv6.size();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IpRangeSet s && s.ranges.equals(ranges);
  }

  @Override
  public int hashCode() {
    return ranges.hashCode();
  }

  /** Returns e.g. {@code [10.0.0.0/8, 2001:db8::/32]}. */
  @Override
  public String toString() {
    return ranges.toString();
  }

  /** Sorted, disjoint, non-adjacent inclusive 128-bit intervals, as parallel arrays. */
  private static final class Intervals {
    private final long[] startHigh;
    private final long[] startLow;
    private final long[] endHigh;
    private final long[] endLow;

    private Intervals(int n) {
      startHigh = new long[n];
      startLow = new long[n];
      endHigh = new long[n];
      endLow = new long[n];
    }

    /** Merges {@code {startHigh, startLow, endHigh, endLow}} intervals. */
    static Intervals merge(List<long[]> input) {
      input.sort((a, b) -> compare(a[0], a[1], b[0], b[1]));
      List<long[]> merged = new ArrayList<>();
      for (long[] next : input) {
        long[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
        if (last != null && touches(last, next)) {
          if (compare(next[2], next[3], last[2], last[3]) > 0) {
            last[2] = next[2];
            last[3] = next[3];
          }
        } else {
          merged.add(next.clone());
        }
      }
      Intervals out = new Intervals(merged.size());
      for (int i = 0; i < merged.size(); i++) {
        long[] m = merged.get(i);
        out.startHigh[i] = m[0];
        out.startLow[i] = m[1];
        out.endHigh[i] = m[2];
        out.endLow[i] = m[3];
      }
      return out;
    }

    /** Returns whether {@code next} (starting at or after {@code last}) overlaps or abuts it. */
    private static boolean touches(long[] last, long[] next) {
      if (compare(next[0], next[1], last[2], last[3]) <= 0) {
        return true;
      }
      long low = last[3] + 1;
      long high = low == 0 ? last[2] + 1 : last[2];
      return next[0] == high && next[1] == low;
    }

    boolean contains(long high, long low) {
      int lo = 0;
      int hi = startHigh.length - 1;
      int found = -1;
      while (lo <= hi) {
        int mid = (lo + hi) >>> 1;
        if (compare(startHigh[mid], startLow[mid], high, low) <= 0) {
          found = mid;
          lo = mid + 1;
        } else {
          hi = mid - 1;
        }
      }
      return found >= 0 && compare(high, low, endHigh[found], endLow[found]) <= 0;
    }

    int size() {
      return startHigh.length;
    }

    private static int compare(long aHigh, long aLow, long bHigh, long bLow) {
      int c = Long.compareUnsigned(aHigh, bHigh);
      return c != 0 ? c : Long.compareUnsigned(aLow, bLow);
    }
  }
}
