package dev.tdeveloper.cost.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {
  private static List<BigDecimal> oneTo(int n) {
    return IntStream.rangeClosed(1, n).mapToObj(BigDecimal::valueOf).toList();
  }

  @Test
  void p995IsTheValueAtRankCeilingOf995PerMille() {
    BigDecimal p = new BigDecimal("99.5");
    assertThat(Percentiles.nearestRank(oneTo(200), p)).isEqualByComparingTo("199");
    assertThat(Percentiles.nearestRank(oneTo(1000), p)).isEqualByComparingTo("995");
    assertThat(Percentiles.nearestRank(oneTo(336), p)).isEqualByComparingTo("335");
    assertThat(Percentiles.nearestRank(oneTo(10), p)).isEqualByComparingTo("10");
  }

  @Test
  void lowPercentilesAndEdgesUseNearestRank() {
    assertThat(Percentiles.nearestRank(oneTo(336), BigDecimal.TEN)).isEqualByComparingTo("34");
    assertThat(Percentiles.nearestRank(oneTo(100), BigDecimal.TEN)).isEqualByComparingTo("10");
    assertThat(Percentiles.nearestRank(oneTo(1), new BigDecimal("0.1"))).isEqualByComparingTo("1");
    assertThat(Percentiles.nearestRank(oneTo(7), BigDecimal.valueOf(100)))
        .isEqualByComparingTo("7");
  }

  @Test
  void emptyInputIsRejected() {
    assertThatThrownBy(() -> Percentiles.nearestRank(List.of(), BigDecimal.TEN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("values: empty");
  }
}
