package dev.tdeveloper.compliance.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The canonical writer's instant, written digit by digit for the years 1970 to 9999, is exactly
 * {@link Instant#toString()} in quotes for every instant, inside that range and outside it (where
 * it falls back to {@code toString}), with whole seconds and with milli-, micro- and nanosecond
 * fractions.
 */
class CanonicalInstantPropertyTest {
  @Provide
  Arbitrary<Instant> instants() {
    Arbitrary<Long> seconds =
        Arbitraries.oneOf(
            Arbitraries.longs().between(0, 253_402_300_799L),
            Arbitraries.longs().between(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond()),
            Arbitraries.of(
                0L, -1L, 86_399L, 86_400L, 951_782_400L, 253_402_300_799L, 253_402_300_800L));
    Arbitrary<Integer> nanos =
        Arbitraries.oneOf(
            Arbitraries.just(0),
            Arbitraries.integers().between(0, 999).map(n -> n * 1_000_000),
            Arbitraries.integers().between(0, 999_999).map(n -> n * 1000),
            Arbitraries.integers().between(0, 999_999_999));
    return Combinators.combine(seconds, nanos).as(Instant::ofEpochSecond);
  }

  @Property(tries = 5000)
  void writesExactlyWhatToStringGives(@ForAll("instants") Instant t) {
    assertThat(written(t)).isEqualTo('"' + t.toString() + '"');
  }

  @Example
  void writesTheEdgesOfTheFastRangeAsToStringDoes() {
    for (String s :
        new String[] {
          "1970-01-01T00:00:00Z",
          "1969-12-31T23:59:59.999999999Z",
          "2000-02-29T12:00:00.100Z",
          "2026-12-07T03:00:00.000001Z",
          "9999-12-31T23:59:59.5Z",
          "+10000-01-01T00:00:00Z"
        }) {
      Instant t = Instant.parse(s);
      assertThat(written(t)).isEqualTo('"' + t.toString() + '"');
    }
  }

  private static String written(Instant t) {
    return new String(CanonicalJsonWriter.get().instant(t).toByteArray(), StandardCharsets.UTF_8);
  }
}
