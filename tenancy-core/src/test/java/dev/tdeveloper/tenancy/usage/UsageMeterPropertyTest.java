package dev.tdeveloper.tenancy.usage;

import static dev.tdeveloper.tenancy.usage.MeterFixture.ACME;
import static dev.tdeveloper.tenancy.usage.MeterFixture.T0;
import static dev.tdeveloper.tenancy.usage.MeterFixture.calls;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class UsageMeterPropertyTest {
  /** Keys from a small pool so sequences repeat them; a retry repeats the key and value. */
  @Provide
  Arbitrary<List<Integer>> keys() {
    return Arbitraries.integers().between(0, 30).list().ofMaxSize(120);
  }

  private static long valueOf(int key) {
    return key * 7L + 1;
  }

  @Property(tries = 200)
  void sumEqualsTheSumOverDistinctKeys(
      @ForAll("keys") List<Integer> sequence, @ForAll @IntRange(min = 0, max = 120) int restartAt) {
    MeterFixture fixture = new MeterFixture();
    UsageMeter meter = fixture.meter();
    Map<Integer, Long> distinct = new LinkedHashMap<>();
    for (int i = 0; i < sequence.size(); i++) {
      if (i == restartAt) {
        meter = fixture.meter(); // a restart in the middle replays the store
      }
      int key = sequence.get(i);
      RecordResult result = meter.record(calls(ACME, valueOf(key), "k" + key));
      boolean first = distinct.putIfAbsent(key, valueOf(key)) == null;
      assertThat(result)
          .isInstanceOf(first ? RecordResult.Accepted.class : RecordResult.Duplicate.class);
    }
    WindowAggregate aggregate = meter.aggregate(ACME, "api_calls", T0);
    assertThat(aggregate.value())
        .isEqualTo(distinct.values().stream().mapToLong(Long::longValue).sum());
    assertThat(aggregate.eventCount()).isEqualTo(distinct.size());
    assertThat(fixture.store.size()).isEqualTo(distinct.size());
  }
}
