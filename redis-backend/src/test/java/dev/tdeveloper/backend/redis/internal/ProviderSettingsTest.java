package dev.tdeveloper.backend.redis.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProviderSettingsTest {
  private static final String PASSWORD = "s3cret-Pa55word";
  private static final Set<String> KNOWN = Set.of("uri", "d", "n");

  private static ProviderSettings settings(Map<String, String> properties) {
    return ProviderSettings.of("test store", properties, KNOWN);
  }

  @Test
  void readsDurationsInShortAndIsoForms() {
    assertThat(settings(Map.of("d", "250ms")).duration("d")).contains(Duration.ofMillis(250));
    assertThat(settings(Map.of("d", " 2s ")).duration("d")).contains(Duration.ofSeconds(2));
    assertThat(settings(Map.of("d", "3m")).duration("d")).contains(Duration.ofMinutes(3));
    assertThat(settings(Map.of("d", "PT0.5S")).duration("d")).contains(Duration.ofMillis(500));
    assertThat(settings(Map.of("d", "pt1s")).duration("d")).contains(Duration.ofSeconds(1));
    assertThat(settings(Map.of()).duration("d")).isEmpty();
  }

  @Test
  void rejectsABadDurationNamingOwnerSettingAndValue() {
    assertThatThrownBy(() -> settings(Map.of("d", "soon")).duration("d"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the test store's d must be a duration such as 500ms, 2s or PT2S, was 'soon'");
  }

  @Test
  void readsNumbersInRangeAndRejectsOthersNamingTheRange() {
    assertThat(settings(Map.of("n", " 7 ")).number("n", 1, 10)).hasValue(7);
    assertThat(settings(Map.of()).number("n", 1, 10)).isEmpty();
    for (String bad : new String[] {"0", "11", "x"}) {
      assertThatThrownBy(() -> settings(Map.of("n", bad)).number("n", 1, 10))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("the test store's n must be a whole number from 1 to 10, was '" + bad + "'");
    }
  }

  @Test
  void rejectsAnUnknownSettingListingTheKnownOnes() {
    assertThatThrownBy(() -> settings(Map.of("url", "x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the test store has no setting 'url'; it accepts d, n, uri");
  }

  @Test
  void requiresTheUri() {
    assertThatThrownBy(() -> settings(Map.of()).uri("uri"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the test store needs the setting uri, e.g. redis://host:6379");
    assertThat(settings(Map.of("uri", " redis://localhost:6390 ")).uri("uri").getPort())
        .isEqualTo(6390);
  }

  @Test
  void neverRepeatsOrChainsAMalformedUriThatHoldsAPassword() {
    assertThatThrownBy(() -> settings(Map.of("uri", "redis://:" + PASSWORD + "@[x")).uri("uri"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("uri is not a Redis URI")
        .hasNoCause()
        .satisfies(e -> assertThat(e.toString()).doesNotContain(PASSWORD));
  }
}
