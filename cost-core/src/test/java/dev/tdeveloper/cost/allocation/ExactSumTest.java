package dev.tdeveloper.cost.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class ExactSumTest {
  @Property(tries = 500)
  void equalsTheBigDecimalSumWhateverTheScalesAndSizes(
      @ForAll @Size(max = 30) List<Long> unscaled,
      @ForAll @Size(max = 30) List<@IntRange(min = 0, max = 4) Integer> scales) {
    ExactSum sum = new ExactSum();
    BigDecimal expected = BigDecimal.ZERO;
    for (int i = 0; i < unscaled.size(); i++) {
      int scale = scales.isEmpty() ? 3 : scales.get(i % scales.size());
      BigDecimal v = BigDecimal.valueOf(unscaled.get(i), scale);
      if (i % 2 == 0) {
        sum.add(v);
      } else {
        sum.addUnits(unscaled.get(i), scale);
      }
      expected = expected.add(v);
    }
    assertThat(sum.value()).isEqualTo(expected);
  }

  @Test
  void leavesTheLongRepresentationOnOverflowWithoutLosingAUnit() {
    ExactSum sum = new ExactSum();
    sum.add(BigDecimal.valueOf(Long.MAX_VALUE, 3));
    sum.add(BigDecimal.valueOf(Long.MAX_VALUE, 3));
    sum.add(new BigDecimal("0.001"));
    assertThat(sum.value())
        .isEqualTo(
            BigDecimal.valueOf(Long.MAX_VALUE, 3)
                .multiply(BigDecimal.valueOf(2))
                .add(new BigDecimal("0.001")));
  }

  @Test
  void anEmptySumIsZero() {
    assertThat(new ExactSum().value()).isEqualTo(BigDecimal.ZERO);
  }
}
