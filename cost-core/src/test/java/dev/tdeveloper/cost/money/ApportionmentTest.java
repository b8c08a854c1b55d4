package dev.tdeveloper.cost.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class ApportionmentTest {
  private static List<BigDecimal> w(String... values) {
    return java.util.Arrays.stream(values).map(BigDecimal::new).toList();
  }

  @Test
  void splitsTenCentsInThreeGivingTheLeftoverCentToTheLowestIndex() {
    assertThat(Apportionment.split(Money.of("0.10", "USD"), w("1", "1", "1")))
        .containsExactly(Money.of("0.04", "USD"), Money.of("0.03", "USD"), Money.of("0.03", "USD"));
  }

  @Test
  void givesLeftoverUnitsToTheLargestRemainders() {
    // quotas 1.666.., 3.333.., 5.0 cents of 10: floors 1, 3, 5; remainders .666 and .333: +1 to 0
    assertThat(Apportionment.split(Money.of("0.10", "USD"), w("1", "2", "3")))
        .containsExactly(Money.of("0.02", "USD"), Money.of("0.03", "USD"), Money.of("0.05", "USD"));
  }

  @Test
  void splitsInTheAmountsOwnFinerScale() {
    List<Money> parts = Apportionment.split(Money.of("12.345678", "USD"), w("1", "1"));
    assertThat(parts).containsExactly(Money.of("6.172839", "USD"), Money.of("6.172839", "USD"));
    assertThat(parts.get(0).amount().scale()).isEqualTo(6);
  }

  @Test
  void splitsAtLeastInMinorUnitsAndInWholeYenForJpy() {
    assertThat(Apportionment.split(Money.of("1", "USD"), w("1", "1", "1")))
        .extracting(m -> m.amount().toPlainString())
        .containsExactly("0.34", "0.33", "0.33");
    assertThat(Apportionment.split(Money.of("100", "JPY"), w("1", "1", "1")))
        .extracting(m -> m.amount().toPlainString())
        .containsExactly("34", "33", "33");
  }

  @Test
  void zeroWeightsGetNothing() {
    assertThat(Apportionment.split(Money.of("5.00", "EUR"), w("0", "2", "0")))
        .containsExactly(Money.of("0", "EUR"), Money.of("5", "EUR"), Money.of("0", "EUR"));
  }

  @Test
  void refusesNegativeAmountsAndWeightsAndAllZeroWeights() {
    assertThatThrownBy(() -> Apportionment.split(Money.of("-1", "USD"), w("1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("amount: -1 is negative");
    assertThatThrownBy(() -> Apportionment.split(Money.of("1", "USD"), w("1", "-2")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("weights[1]: -2 is negative");
    assertThatThrownBy(() -> Apportionment.split(Money.of("1", "USD"), w("0", "0.0")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("all 2 are zero");
    assertThatThrownBy(() -> Apportionment.split(Money.of("1", "USD"), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("weights: empty");
    assertThatThrownBy(() -> Apportionment.split(new BigDecimal("1.234"), 2, w("1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("more than 2 decimal digits");
  }

  @Property(tries = 500)
  void partsSumExactlyAndStayWithinOneUnitOfTheirQuota(
      @ForAll @LongRange(min = 0, max = 10_000_000_000L) long units,
      @ForAll @IntRange(min = 0, max = 6) int scale,
      @ForAll @Size(min = 1, max = 20) List<@LongRange(min = 0, max = 1_000_000) Long> raw,
      @ForAll @IntRange(min = 0, max = 4) int weightScale) {
    List<BigDecimal> weights = new ArrayList<>();
    raw.forEach(r -> weights.add(BigDecimal.valueOf(r, weightScale)));
    if (weights.stream().allMatch(x -> x.signum() == 0)) {
      weights.set(0, BigDecimal.ONE);
    }
    BigDecimal amount = BigDecimal.valueOf(units, scale);
    BigDecimal[] parts = Apportionment.split(amount, scale, weights);
    BigDecimal sum = BigDecimal.ZERO;
    BigDecimal total = weights.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    for (int i = 0; i < parts.length; i++) {
      assertThat(parts[i].signum()).isGreaterThanOrEqualTo(0);
      sum = sum.add(parts[i]);
      // |part - amount*w/W| < 1 unit  <=>  |part*W - amount*w| < W * 10^-scale
      BigDecimal diff = parts[i].multiply(total).subtract(amount.multiply(weights.get(i))).abs();
      assertThat(diff).isLessThan(total.movePointLeft(scale));
    }
    assertThat(sum).isEqualByComparingTo(amount);
    assertThat(Apportionment.split(amount, scale, weights)).containsExactly(parts);
  }

  /**
   * Weights times 10^20 give the same quotas but overflow a long, so the split leaves its long
   * arithmetic for BigIntegers: both must give the same parts, remainders and ties included.
   */
  @Property(tries = 300)
  void theLongAndTheBigIntegerArithmeticGiveIdenticalParts(
      @ForAll @LongRange(min = 0, max = 10_000_000_000L) long units,
      @ForAll @Size(min = 1, max = 20) List<@LongRange(min = 0, max = 1_000_000) Long> raw) {
    List<BigDecimal> small = new ArrayList<>();
    List<BigDecimal> huge = new ArrayList<>();
    for (long r : raw) {
      small.add(BigDecimal.valueOf(r, 3));
      huge.add(BigDecimal.valueOf(r, 3).movePointRight(20));
    }
    if (small.stream().allMatch(x -> x.signum() == 0)) {
      small.set(0, BigDecimal.ONE);
      huge.set(0, BigDecimal.ONE.movePointRight(20));
    }
    BigDecimal amount = BigDecimal.valueOf(units, 2);
    assertThat(Apportionment.split(amount, 2, huge))
        .containsExactly(Apportionment.split(amount, 2, small));
  }

  /**
   * Weights already counted in units, at any common scale, split as the same weights given as
   * decimals; a product that overflows a long gives empty, never a different split.
   */
  @Property(tries = 300)
  void theUnitWeightsSplitEqualsTheDecimalSplit(
      @ForAll @LongRange(min = 0, max = 10_000_000_000L) long units,
      @ForAll @Size(min = 1, max = 20) List<@LongRange(min = 0, max = 1_000_000) Long> raw,
      @ForAll @IntRange(min = 0, max = 12) int pow) {
    long factor = (long) Math.pow(10, pow);
    long[] scaled = new long[raw.size()];
    List<BigDecimal> decimals = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      long r = i == 0 && raw.stream().allMatch(x -> x == 0) ? 1 : raw.get(i);
      scaled[i] = r * factor;
      decimals.add(BigDecimal.valueOf(r, 4));
    }
    BigDecimal[] expected = Apportionment.split(BigDecimal.valueOf(units, 2), 2, decimals);
    Apportionment.splitUnits(units, scaled)
        .ifPresent(
            parts -> {
              for (int i = 0; i < parts.length; i++) {
                assertThat(BigDecimal.valueOf(parts[i], 2)).isEqualTo(expected[i]);
              }
            });
    if (pow == 0) {
      assertThat(Apportionment.splitUnits(units, scaled)).isPresent();
    }
  }

  @Test
  void refusesNegativeUnitsAndWeightsAndAllZeroUnitWeights() {
    assertThatThrownBy(() -> Apportionment.splitUnits(-1, new long[] {1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("amountUnits: -1");
    assertThatThrownBy(() -> Apportionment.splitUnits(5, new long[] {1, -2}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("weights[1]: -2");
    assertThatThrownBy(() -> Apportionment.splitUnits(5, new long[] {0, 0}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("all 2 are zero");
    assertThatThrownBy(() -> Apportionment.splitUnits(5, new long[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("weights: empty");
  }
}
