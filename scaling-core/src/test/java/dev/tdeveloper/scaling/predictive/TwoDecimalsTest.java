package dev.tdeveloper.scaling.predictive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

/** The reason texts' two-decimal numbers print as {@code %.2f} did, without a Formatter. */
class TwoDecimalsTest {
  @Property
  void printsWhatPercentTwoFPrintsAwayFromHalfwayTies(
      @ForAll @LongRange(min = -10_000_000, max = 10_000_000) long cents,
      @ForAll @DoubleRange(min = -0.004, max = 0.004) @Scale(6) double offset) {
    double v = cents / 100.0 + offset;
    assertThat(PredictiveAutoscaler.twoDecimals(v))
        .isEqualTo(String.format(Locale.ROOT, "%.2f", v));
  }

  @Test
  void printsZeroesSignsAndNonFiniteValuesAsPercentTwoF() {
    for (double v : new double[] {0, -0.0, 0.7, 100, 1234.5, -3.14159, 0.001, -0.001, 1e16}) {
      assertThat(PredictiveAutoscaler.twoDecimals(v))
          .as("%s", v)
          .isEqualTo(String.format(Locale.ROOT, "%.2f", v));
    }
    assertThat(PredictiveAutoscaler.twoDecimals(Double.NaN)).isEqualTo("NaN");
  }
}
