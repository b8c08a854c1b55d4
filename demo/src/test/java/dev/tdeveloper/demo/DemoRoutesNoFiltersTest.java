package dev.tdeveloper.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The benchmark-only switch that drops the filter chain is off unless set to true. */
class DemoRoutesNoFiltersTest {
  @Test
  void chainStaysOnUnlessTheSwitchIsTrue() {
    assertThat(DemoRoutes.noFilters(Map.of())).isFalse();
    assertThat(DemoRoutes.noFilters(Map.of(DemoRoutes.NO_FILTERS_ENV, "false"))).isFalse();
    assertThat(DemoRoutes.noFilters(Map.of(DemoRoutes.NO_FILTERS_ENV, "yes"))).isFalse();
    assertThat(DemoRoutes.noFilters(Map.of(DemoRoutes.NO_FILTERS_ENV, "TRUE"))).isTrue();
  }
}
