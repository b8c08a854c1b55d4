package dev.tdeveloper.distribution.crdt;

import dev.tdeveloper.distribution.region.RegionId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A multi-value register: a write replaces every value its replica has observed, and concurrent
 * writes are all kept until a later write, having seen them, replaces them. The reader decides
 * (Dynamo's shopping cart). Each value is tagged with the {@link Dot} of its write.
 *
 * <p>Values are compared with {@link Objects#deepEquals}, so {@code byte[]} values work. Immutable
 * and thread-safe when the values are.
 *
 * @param <T> the value type
 */
public final class MvRegister<T> implements DeltaCrdt<MvRegister<T>> {
  private static final MvRegister<?> EMPTY = new MvRegister<>(Map.of(), DotContext.empty(), null);

  private final Map<Dot, T> values;
  private final DotContext context;
  private final MvRegister<T> delta;

  private MvRegister(Map<Dot, T> values, DotContext context, MvRegister<T> delta) {
    this.values = values;
    this.context = context;
    this.delta = delta;
  }

  /**
   * Returns the register that was never written.
   *
   * @param <T> the value type
   * @return the empty register
   */
  @SuppressWarnings("unchecked")
  public static <T> MvRegister<T> empty() {
    return (MvRegister<T>) EMPTY;
  }

  /**
   * Returns a register holding the given values (as decoded from another replica).
   *
   * @param <T> the value type
   * @param values each value under the dot of its write
   * @param context the observed dots; covers every dot of {@code values}
   * @return the register, without a delta
   * @throws IllegalArgumentException if a value's dot is not in {@code context}
   */
  public static <T> MvRegister<T> of(Map<Dot, T> values, DotContext context) {
    Objects.requireNonNull(values, "values");
    Objects.requireNonNull(context, "context");
    Map<Dot, T> copy = new HashMap<>();
    values.forEach(
        (d, v) -> copy.put(Objects.requireNonNull(d, "dot"), Objects.requireNonNull(v, "value")));
    Causal.requireCovered(copy.keySet(), context, "MV register");
    return new MvRegister<>(Collections.unmodifiableMap(copy), context, null);
  }

  /**
   * Writes {@code value}, replacing every value this replica has observed.
   *
   * @param replica the region writing (the local region)
   * @param value the value
   * @return the new state
   */
  public MvRegister<T> set(RegionId replica, T value) {
    Objects.requireNonNull(replica, "replica");
    Objects.requireNonNull(value, "value");
    Dot dot = context.nextDot(replica);
    DotContext stepContext = DotContext.of(Map.of(), values.keySet()).add(dot);
    MvRegister<T> step = new MvRegister<>(Map.of(dot, value), stepContext, null);
    return new MvRegister<>(
        Map.of(dot, value), context.add(dot), delta == null ? step : delta.merge(step));
  }

  /** Returns the current values, one per concurrent write, in dot order; empty if none. */
  public List<T> values() {
    return Collections.unmodifiableList(new ArrayList<>(new TreeMap<>(values).values()));
  }

  /** Returns each current value under the dot of its write, in dot order. */
  public Map<Dot, T> entries() {
    return Collections.unmodifiableMap(new TreeMap<>(values));
  }

  /** Returns the dots this register has observed. */
  public DotContext context() {
    return context;
  }

  @Override
  public MvRegister<T> merge(MvRegister<T> other) {
    Objects.requireNonNull(other, "other");
    Map<Dot, T> joined = Causal.join(values, context, other.values, other.context, (x, y) -> x);
    return new MvRegister<>(
        Collections.unmodifiableMap(joined), context.merge(other.context), delta);
  }

  @Override
  public Optional<MvRegister<T>> delta() {
    return Optional.ofNullable(delta);
  }

  @Override
  public MvRegister<T> resetDelta() {
    return delta == null ? this : new MvRegister<>(values, context, null);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof MvRegister<?> r)
        || !values.keySet().equals(r.values.keySet())
        || !context.equals(r.context)) {
      return false;
    }
    for (Map.Entry<Dot, T> e : values.entrySet()) {
      if (!Objects.deepEquals(e.getValue(), r.values.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return values.keySet().hashCode() * 31 + context.hashCode();
  }

  @Override
  public String toString() {
    return "MvRegister" + entries();
  }
}
