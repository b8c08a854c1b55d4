package dev.tdeveloper.scaling.predictive;

import static dev.tdeveloper.scaling.predictive.Traces.MONDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

class SeasonalForecasterTest {
  private static final Duration FIVE_MIN = Duration.ofMinutes(5);
  private static final int HORIZON = 48 * 12;

  private static LoadForecast forecast(DoubleUnaryOperator load, Duration span, double noise) {
    List<LoadSample> samples = Traces.samples(load, span, Duration.ofMinutes(1), noise, 42);
    LoadHistory h = Traces.history(FIVE_MIN, samples);
    LoadSeries series = h.series(MONDAY.plus(span));
    return SeasonalForecaster.fitted().forecast(series, HORIZON).orElseThrow();
  }

  /** MAPE of the forecast mean against the true mean of each 5-minute bucket. */
  private static double mape(LoadForecast f, DoubleUnaryOperator load) {
    double sum = 0;
    for (int i = 0; i < f.size(); i++) {
      double s0 =
          f.start().plus(FIVE_MIN.multipliedBy(i)).getEpochSecond() - MONDAY.getEpochSecond();
      double actual = 0;
      for (int m = 0; m < 5; m++) {
        actual += load.applyAsDouble(s0 + 60 * m) / 5;
      }
      sum += Math.abs(f.mean(i) - actual) / actual;
    }
    return sum / f.size();
  }

  @Test
  void forecastsACleanDailySinusoidWithinFivePercent() {
    LoadForecast f = forecast(Traces::sinusoid, Duration.ofDays(3), 0);
    assertThat(f.size()).isEqualTo(HORIZON);
    assertThat(f.weekly()).isFalse();
    assertThat(mape(f, Traces::sinusoid)).isLessThan(0.05);
  }

  @Test
  void forecastsANoisyDailySinusoidWithinFivePercent() {
    LoadForecast f = forecast(Traces::sinusoid, Duration.ofDays(7), 0.05);
    assertThat(mape(f, Traces::sinusoid)).isLessThan(0.05);
  }

  @Test
  void predictsTheRecurringSpikeInItsBuckets() {
    LoadForecast f = forecast(Traces::dailySpike, Duration.ofDays(7), 0.02);
    Instant noon = MONDAY.plus(Duration.ofDays(7)).plus(Duration.ofHours(12));
    for (int m = 0; m < 20; m += 5) {
      assertThat(f.peakAt(noon.plus(Duration.ofMinutes(m))).orElseThrow()).isGreaterThan(400);
    }
    assertThat(f.peakAt(noon.minus(FIVE_MIN)).orElseThrow()).isLessThan(150);
    assertThat(f.peakAt(noon.plus(Duration.ofMinutes(25))).orElseThrow()).isLessThan(150);
    assertThat(f.maxPeak(noon.minus(Duration.ofMinutes(30)), noon.minus(FIVE_MIN)).orElseThrow())
        .isLessThan(150);
  }

  @Test
  void learnsTheWeeklyPatternAfterTwoWeeks() {
    // Thirteen days end on a Sunday; the next 48 h are Monday and Tuesday with the weekday curve,
    // though the last two days seen were flat weekend days.
    Duration span = Duration.ofDays(13);
    LoadForecast f = forecast(Traces::weekly, span, 0.02);
    assertThat(f.weekly()).isTrue();
    assertThat(mape(f, Traces::weekly)).isLessThan(0.1);
    Instant mondayNoon = MONDAY.plus(Duration.ofDays(14)).plus(Duration.ofHours(12));
    assertThat(f.meanAt(mondayNoon).orElseThrow()).isGreaterThan(120);
  }

  @Test
  void withoutTheWeeklySeasonAWeekdayAfterAWeekendIsMissed() {
    LoadForecast daily = forecast(Traces::weekly, Duration.ofDays(7), 0.02);
    assertThat(daily.weekly()).isFalse();
    assertThat(mape(daily, Traces::weekly))
        .isGreaterThan(mape(forecast(Traces::weekly, Duration.ofDays(13), 0.02), Traces::weekly));
  }

  @Test
  void needsADayOfHistory() {
    List<LoadSample> samples =
        Traces.samples(Traces::sinusoid, Duration.ofHours(23), Duration.ofMinutes(1), 0, 1);
    LoadSeries series = Traces.history(FIVE_MIN, samples).series(MONDAY.plus(Duration.ofHours(23)));
    assertThat(SeasonalForecaster.fitted().forecast(series, 10)).isEmpty();
  }

  @Test
  void isDeterministic() {
    LoadForecast a = forecast(Traces::dailySpike, Duration.ofDays(5), 0.05);
    LoadForecast b = forecast(Traces::dailySpike, Duration.ofDays(5), 0.05);
    for (int i = 0; i < a.size(); i++) {
      assertThat(a.mean(i)).isEqualTo(b.mean(i));
      assertThat(a.peak(i)).isEqualTo(b.peak(i));
    }
    assertThat(a.meanParameters()).isEqualTo(b.meanParameters());
  }

  @Test
  void forecastsAreNeverNegativeAndPeaksNeverBelowMeans() {
    LoadForecast f = forecast(s -> Math.max(0, Traces.sinusoid(s) - 80), Duration.ofDays(3), 0.1);
    for (int i = 0; i < f.size(); i++) {
      assertThat(f.mean(i)).isGreaterThanOrEqualTo(0);
      assertThat(f.peak(i)).isGreaterThanOrEqualTo(f.mean(i));
    }
  }

  @Test
  void fixedParametersAreUsedAsGiven() {
    SmoothingParameters p = new SmoothingParameters(0.3, 0.1, 0.1, 0.5);
    List<LoadSample> samples =
        Traces.samples(Traces::sinusoid, Duration.ofDays(2), Duration.ofMinutes(5), 0, 1);
    LoadSeries series = Traces.history(FIVE_MIN, samples).series(MONDAY.plus(Duration.ofDays(2)));
    LoadForecast f = SeasonalForecaster.withParameters(p).forecast(series, 5).orElseThrow();
    assertThat(f.meanParameters()).isEqualTo(p);
    assertThat(f.peakParameters()).isEqualTo(p);
  }

  @Test
  void refusesBadParametersAndHorizons() {
    assertThatThrownBy(() -> new SmoothingParameters(0, 0.1, 0.1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("level (alpha): 0.0");
    assertThatThrownBy(() -> new SmoothingParameters(0.1, 1.5, 0.1, 0))
        .hasMessageContaining("daily (delta): 1.5");
    assertThatThrownBy(() -> new SmoothingParameters(0.1, 0.1, 0.1, 1))
        .hasMessageContaining("errorCarry (phi): 1.0");
    LoadSeries s = LoadSeries.of(MONDAY, FIVE_MIN, new double[] {1}, new double[] {1});
    assertThatThrownBy(() -> SeasonalForecaster.fitted().forecast(s, 0))
        .hasMessageContaining("horizon: 0");
    assertThatThrownBy(() -> LoadSeries.of(MONDAY, FIVE_MIN, new double[] {2}, new double[] {1}))
        .hasMessageContaining("peak[0]: 1.0");
  }
}
