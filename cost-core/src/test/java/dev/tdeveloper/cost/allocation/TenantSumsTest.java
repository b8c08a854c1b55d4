package dev.tdeveloper.cost.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.tenancy.TenantId;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class TenantSumsTest {
  @Property(tries = 300)
  void sumsEveryTenantExactlyAsAMapOfBigDecimalsWould(
      @ForAll @Size(max = 400) List<@IntRange(min = 0, max = 120) Integer> tenants,
      @ForAll @Size(min = 1, max = 400) List<@LongRange(min = 1, max = Long.MAX_VALUE) Long> units,
      @ForAll @IntRange(min = 0, max = 3) int mixedScaleEvery) {
    TenantSums sums = new TenantSums();
    Map<TenantId, BigDecimal> expected = new HashMap<>();
    for (int i = 0; i < tenants.size(); i++) {
      TenantId t = TenantId.of("tenant-" + tenants.get(i));
      int scale = mixedScaleEvery > 0 && i % (mixedScaleEvery + 3) == 0 ? 5 : 3;
      BigDecimal q = BigDecimal.valueOf(units.get(i % units.size()), scale);
      sums.add(t, q);
      expected.merge(t, q, BigDecimal::add);
    }
    assertThat(sums.isEmpty()).isEqualTo(expected.isEmpty());
    assertThat(sums.tenants()).containsExactlyInAnyOrderElementsOf(expected.keySet());
    expected.forEach((t, v) -> assertThat(sums.get(t)).isEqualByComparingTo(v));
    if (sums.unitScale() >= 0) {
      expected.forEach(
          (t, v) -> assertThat(BigDecimal.valueOf(sums.units(t), sums.unitScale())).isEqualTo(v));
    }
  }

  /** "an" and "c0" share a hash code, as do their concatenations: probing must compare keys. */
  @Property(tries = 100)
  void keepsTenantsWithEqualHashCodesApart(
      @ForAll @Size(max = 300) List<@IntRange(min = 0, max = 63) Integer> tenants) {
    TenantSums sums = new TenantSums();
    Map<TenantId, BigDecimal> expected = new HashMap<>();
    for (int n : tenants) {
      StringBuilder name = new StringBuilder();
      for (int bit = 0; bit < 6; bit++) {
        name.append((n >> bit & 1) == 0 ? "an" : "c0");
      }
      TenantId t = TenantId.of(name.toString());
      BigDecimal q = BigDecimal.valueOf(n + 1L, 2);
      sums.add(t, q);
      expected.merge(t, q, BigDecimal::add);
    }
    assertThat(sums.size()).isEqualTo(expected.size());
    expected.forEach((t, v) -> assertThat(sums.get(t)).isEqualTo(v));
    expected.forEach((t, v) -> assertThat(sums.units(t)).isEqualTo(v.unscaledValue().longValue()));
  }

  @Test
  void anAbsentTenantHasZeroAndClearForgetsEveryone() {
    TenantSums sums = new TenantSums();
    sums.add(TenantId.of("acme"), new BigDecimal("1.5"));
    assertThat(sums.get(TenantId.of("globex"))).isZero();
    assertThat(sums.get(TenantId.of("acme"))).isEqualTo(new BigDecimal("1.5"));
    sums.clear();
    assertThat(sums.isEmpty()).isTrue();
    assertThat(sums.tenants()).isEmpty();
  }
}
