package dev.tdeveloper.distribution.clock;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.tdeveloper.distribution.region.RegionId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A version vector: how many updates from each region a replica has seen. Two vectors compare as
 * {@link Order#BEFORE}, {@link Order#AFTER}, {@link Order#EQUAL} or {@link Order#CONCURRENT} (each
 * saw an update the other did not: a conflict); {@link #merge} is the pointwise maximum, the least
 * vector that dominates both.
 *
 * <p>Encodings: {@link #toBytes()} (a version byte, then varints: the entry count, and per region
 * in id order its id's UTF-8 length, bytes and counter) and JSON ({@code {"eu-west-1":3}}, via
 * {@link #toJson()} or Jackson directly). A region whose counter is zero is not stored, so equal
 * vectors have equal encodings.
 *
 * <p>Immutable and thread-safe.
 */
public final class VersionVector {
  /** How one vector relates to another. */
  public enum Order {
    /** Every counter is at most the other's and one is lower: the other saw everything this did. */
    BEFORE,
    /** Every counter is at least the other's and one is higher. */
    AFTER,
    /** Every counter is equal. */
    EQUAL,
    /** Each has a counter higher than the other's: concurrent updates. */
    CONCURRENT
  }

  /** The format version {@link #toBytes()} writes first: {@value}. */
  public static final int FORMAT_VERSION = 1;

  private static final VersionVector EMPTY = new VersionVector(new TreeMap<>());

  private final SortedMap<RegionId, Long> counters;

  private VersionVector(TreeMap<RegionId, Long> counters) {
    this.counters = Collections.unmodifiableSortedMap(counters);
  }

  /**
   * Wraps counters already canonical (sorted, all positive); empty gives the shared empty vector.
   */
  static VersionVector canonical(TreeMap<RegionId, Long> counters) {
    return counters.isEmpty() ? EMPTY : new VersionVector(counters);
  }

  /** Returns the empty vector, before every other. */
  public static VersionVector empty() {
    return EMPTY;
  }

  /**
   * Returns the vector with these counters; zero counters are dropped.
   *
   * @param counters per region, 0 or more
   * @return the vector
   * @throws IllegalArgumentException if a counter is negative
   */
  public static VersionVector of(Map<RegionId, Long> counters) {
    Objects.requireNonNull(counters, "counters");
    TreeMap<RegionId, Long> copy = new TreeMap<>();
    counters.forEach(
        (region, counter) -> {
          Objects.requireNonNull(region, "region");
          Objects.requireNonNull(counter, "counter");
          if (counter < 0) {
            throw new IllegalArgumentException(
                "counter of " + region + " is " + counter + "; allowed: 0+");
          }
          if (counter > 0) {
            copy.put(region, counter);
          }
        });
    return copy.isEmpty() ? EMPTY : new VersionVector(copy);
  }

  /** Returns the counters, by region id, without zero counters. */
  public SortedMap<RegionId, Long> counters() {
    return counters;
  }

  /**
   * Returns the counter of {@code region}.
   *
   * @param region the region
   * @return the counter, 0 when the region never updated
   */
  public long get(RegionId region) {
    Objects.requireNonNull(region, "region");
    return counters.getOrDefault(region, 0L);
  }

  /**
   * Returns this vector with {@code region}'s counter one higher: the vector after a local update
   * in {@code region}.
   *
   * @param region the updating region
   * @return the new vector
   * @throws IllegalStateException if the counter is already {@link Long#MAX_VALUE}
   */
  public VersionVector increment(RegionId region) {
    long current = get(region);
    if (current == Long.MAX_VALUE) {
      throw new IllegalStateException("counter of " + region + " cannot pass " + Long.MAX_VALUE);
    }
    TreeMap<RegionId, Long> copy = new TreeMap<>(counters);
    copy.put(region, current + 1);
    return new VersionVector(copy);
  }

  /**
   * Returns the pointwise maximum of this vector and {@code other}: commutative, associative and
   * idempotent.
   *
   * @param other the other vector
   * @return the merged vector
   */
  public VersionVector merge(VersionVector other) {
    Objects.requireNonNull(other, "other");
    TreeMap<RegionId, Long> copy = new TreeMap<>(counters);
    other.counters.forEach((region, counter) -> copy.merge(region, counter, Math::max));
    return new VersionVector(copy);
  }

  /**
   * Returns how this vector relates to {@code other}.
   *
   * @param other the other vector
   * @return {@code BEFORE} if {@code other} saw strictly more, {@code AFTER} if this did, {@code
   *     EQUAL}, or {@code CONCURRENT}
   */
  public Order compare(VersionVector other) {
    Objects.requireNonNull(other, "other");
    boolean lower = false;
    boolean higher = false;
    for (Map.Entry<RegionId, Long> e : counters.entrySet()) {
      long theirs = other.get(e.getKey());
      higher |= e.getValue() > theirs;
      lower |= e.getValue() < theirs;
    }
    for (Map.Entry<RegionId, Long> e : other.counters.entrySet()) {
      lower |= e.getValue() > get(e.getKey());
    }
    if (lower && higher) {
      return Order.CONCURRENT;
    }
    return lower ? Order.BEFORE : higher ? Order.AFTER : Order.EQUAL;
  }

  /**
   * Returns whether this vector saw everything {@code other} saw: every counter at least the
   * other's ({@code AFTER} or {@code EQUAL}).
   *
   * @param other the other vector
   * @return whether this vector dominates {@code other}
   */
  public boolean dominates(VersionVector other) {
    Order order = compare(other);
    return order == Order.AFTER || order == Order.EQUAL;
  }

  /** Returns the compact binary encoding, which {@link #fromBytes} reads. */
  public byte[] toBytes() {
    return VersionVectorEncoding.toBytes(counters);
  }

  /**
   * Reads {@link #toBytes()}'s encoding.
   *
   * @param bytes the encoding
   * @return the vector
   * @throws IllegalArgumentException if the bytes are not a canonical encoding (unknown version,
   *     truncated, trailing bytes, invalid region id, zero counter, regions out of order)
   */
  public static VersionVector fromBytes(byte[] bytes) {
    return canonical(VersionVectorEncoding.fromBytes(bytes));
  }

  /** Returns the JSON object {@code {"region": counter, ...}}, in region id order. */
  public String toJson() {
    return VersionVectorEncoding.toJson(jsonValue());
  }

  /**
   * Reads {@link #toJson()}'s form.
   *
   * @param json a JSON object of region ids to counters
   * @return the vector
   * @throws IllegalArgumentException if it is not such an object, a region id is invalid or a
   *     counter negative
   */
  public static VersionVector fromJson(String json) {
    return fromJsonValue(VersionVectorEncoding.fromJson(json));
  }

  /**
   * Returns the JSON value Jackson writes: region ids to counters, in id order.
   *
   * @return the map
   */
  @JsonValue
  public Map<String, Long> jsonValue() {
    Map<String, Long> map = new LinkedHashMap<>();
    counters.forEach((region, counter) -> map.put(region.value(), counter));
    return map;
  }

  /**
   * Reads the JSON value Jackson reads: region ids to counters.
   *
   * @param json the map
   * @return the vector
   * @throws IllegalArgumentException if a region id is invalid or a counter negative or missing
   */
  @JsonCreator
  public static VersionVector fromJsonValue(Map<String, Long> json) {
    Objects.requireNonNull(json, "json");
    Map<RegionId, Long> counters = new TreeMap<>();
    for (Map.Entry<String, Long> e : json.entrySet()) {
      if (e.getValue() == null) {
        throw new IllegalArgumentException("counter of " + e.getKey() + " is null");
      }
      counters.put(RegionId.of(e.getKey()), e.getValue());
    }
    return of(counters);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VersionVector v && counters.equals(v.counters);
  }

  @Override
  public int hashCode() {
    return counters.hashCode();
  }

  @Override
  public String toString() {
    return "VersionVector" + counters;
  }
}
