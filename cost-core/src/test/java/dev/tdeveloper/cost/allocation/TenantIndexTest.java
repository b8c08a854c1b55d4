package dev.tdeveloper.cost.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.tenancy.TenantId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class TenantIndexTest {
  @Property(tries = 300)
  void numbersTenantsInFirstSeenOrderAsAnInsertionOrderedMapWould(
      @ForAll @Size(max = 600) List<@IntRange(min = 0, max = 300) Integer> tenants,
      @ForAll @Size(max = 50) List<@IntRange(min = 0, max = 400) Integer> lookups) {
    TenantIndex index = new TenantIndex();
    Map<TenantId, Integer> expected = new LinkedHashMap<>();
    for (int t : tenants) {
      // A fresh instance every time: numbers go by value, not by identity.
      TenantId id = TenantId.of("tenant-" + t);
      expected.putIfAbsent(id, expected.size());
      assertThat(index.add(id)).isEqualTo(expected.get(id));
    }
    assertThat(index.size()).isEqualTo(expected.size());
    expected.forEach(
        (id, n) -> {
          assertThat(index.get(TenantId.of(id.value()))).isEqualTo(n);
          assertThat(index.tenant(n)).isEqualTo(id);
        });
    for (int t : lookups) {
      TenantId id = TenantId.of("tenant-" + t);
      assertThat(index.get(id)).isEqualTo(expected.getOrDefault(id, -1));
    }
  }

  @Test
  void keepsTenantsWhoseHashesCollideApart() {
    TenantId a = TenantId.of("taaan");
    TenantId b = TenantId.of("taac0");
    TenantId c = TenantId.of("taaao");
    assertThat(a.hashCode()).isEqualTo(b.hashCode());
    TenantIndex index = new TenantIndex();
    assertThat(index.add(a)).isZero();
    assertThat(index.get(b)).isEqualTo(-1);
    assertThat(index.add(b)).isEqualTo(1);
    assertThat(index.add(c)).isEqualTo(2);
    assertThat(index.add(a)).isZero();
    assertThat(index.get(b)).isEqualTo(1);
  }
}
