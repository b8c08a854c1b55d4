package dev.tdeveloper.cost.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class UnitWeightsTest {
  /**
   * The long weights are the decimal weights AssetSplit builds otherwise, all at one scale, and
   * their total is the same decimal as adding those up (scale included: a share's text depends on
   * it).
   */
  @Property(tries = 1000)
  void areTheDecimalWeightsAtOneScale(
      @ForAll IdleSharing sharing,
      @ForAll @Size(min = 1, max = 60) List<@LongRange(min = 1, max = 10_000_000L) Long> q,
      @ForAll @IntRange(min = 0, max = 6) int qScale,
      @ForAll @LongRange(min = 0, max = 1_000_000_000L) long idleUnits,
      @ForAll @IntRange(min = 0, max = 8) int idleScale) {
    int n = q.size();
    long[] units = q.stream().mapToLong(Long::longValue).toArray();
    long used = 0;
    BigDecimal usedDecimal = BigDecimal.ZERO;
    for (long u : units) {
      used += u;
      usedDecimal = usedDecimal.add(BigDecimal.valueOf(u, qScale));
    }
    BigDecimal idle = BigDecimal.valueOf(idleUnits, idleScale);
    IdleSharing rule = idle.signum() == 0 ? IdleSharing.NONE : sharing;
    int[] owners = new int[n];
    for (int i = 0; i < n; i++) {
      owners[i] = i;
    }
    UnitWeights uw = UnitWeights.of(rule, units, qScale, used, idle, owners, n);
    if (rule == IdleSharing.WEIGHTED) {
      assertThat(uw).isNull();
      return;
    }
    List<BigDecimal> expected = new ArrayList<>(); // as AssetSplit builds them
    BigDecimal basisSum =
        rule == IdleSharing.EVEN
            ? BigDecimal.valueOf(n)
            : rule == IdleSharing.NONE ? null : usedDecimal;
    for (long u : units) {
      BigDecimal qi = BigDecimal.valueOf(u, qScale);
      expected.add(basisSum == null ? qi : qi.multiply(basisSum));
    }
    if (rule == IdleSharing.NONE) {
      if (idle.signum() > 0) {
        expected.add(idle);
      }
    } else {
      for (long u : units) {
        expected.add(
            idle.multiply(
                rule == IdleSharing.EVEN ? BigDecimal.ONE : BigDecimal.valueOf(u, qScale)));
      }
    }
    BigDecimal total = BigDecimal.ZERO;
    for (BigDecimal x : expected) {
      total = total.add(x);
    }
    boolean fits = total.unscaledValue().bitLength() <= 63; // the total bounds every weight
    assertThat(uw != null).isEqualTo(fits);
    if (uw == null) {
      return;
    }
    assertThat(uw.weights).hasSize(expected.size());
    for (int k = 0; k < expected.size(); k++) {
      assertThat(BigDecimal.valueOf(uw.weights[k], uw.scale)).isEqualByComparingTo(expected.get(k));
    }
    assertThat(uw.total()).isEqualTo(total);
  }

  @Property(tries = 100)
  void givesUpWhenAWeightDoesNotFitALong(
      @ForAll @LongRange(min = 1L << 40, max = 1L << 50) long q,
      @ForAll @IntRange(min = 0, max = 3) int qScale) {
    long[] units = {q, q};
    UnitWeights uw =
        UnitWeights.of(
            IdleSharing.PROPORTIONAL, units, qScale, 2 * q, BigDecimal.ONE, new int[] {0, 1}, 2);
    assertThat(uw).isNull();
  }
}
