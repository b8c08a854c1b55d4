package dev.tdeveloper.tenancy.quota;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.spi.ProviderSelector;
import dev.tdeveloper.tenancy.spi.QuotaKey;
import dev.tdeveloper.tenancy.spi.QuotaStore;
import dev.tdeveloper.tenancy.spi.QuotaStoreConfig;
import dev.tdeveloper.tenancy.spi.QuotaStoreProvider;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import dev.tdeveloper.tenancy.testkit.QuotaStoreContract;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InMemoryQuotaStoreTest extends QuotaStoreContract {
  @Override
  protected QuotaStore createStore(ManualClock clock) {
    return new InMemoryQuotaStore(clock);
  }

  @Test
  void purgeExpiredDropsOnlyEndedWindows() {
    InMemoryQuotaStore memory = (InMemoryQuotaStore) store;
    memory.tryAdd(key(ACME, "api-calls"), 1, 10, windowEnd);
    Instant laterEnd = windowEnd.plus(Duration.ofHours(1));
    memory.tryAdd(new QuotaKey(ACME, "exports", windowStart), 1, 10, laterEnd);
    assertThat(memory.purgeExpired(windowEnd.minusNanos(1))).isZero();
    assertThat(memory.purgeExpired(windowEnd)).isEqualTo(1);
    assertThat(memory.retainedCounters()).isEqualTo(1);
    assertThat(memory.used(new QuotaKey(ACME, "exports", windowStart))).isEqualTo(1);
  }

  @Test
  void memoryStaysBoundedByLiveWindows() {
    InMemoryQuotaStore memory = (InMemoryQuotaStore) store;
    int tenants = 300;
    for (int window = 0; window < 50; window++) {
      Instant start = clock.instant();
      Instant end = start.plusSeconds(1);
      for (int t = 0; t < tenants; t++) {
        memory.tryAdd(new QuotaKey(TenantId.of("t" + t), "api-calls", start), 1, 10, end);
      }
      clock.advance(Duration.ofSeconds(1));
    }
    // 15 000 windows were used, at most 300 are live at a time.
    assertThat(memory.retainedCounters())
        .isLessThanOrEqualTo(2 * InMemoryQuotaStore.MIN_SWEEP_SIZE + tenants);
    assertThat(memory.purgeExpired(clock.instant())).isPositive();
    assertThat(memory.retainedCounters()).isZero();
  }

  @Test
  void readingAnExpiredCounterDropsIt() {
    InMemoryQuotaStore memory = (InMemoryQuotaStore) store;
    memory.tryAdd(key(ACME, "api-calls"), 1, 10, windowEnd);
    clock.setTo(windowEnd);
    assertThat(memory.used(key(ACME, "api-calls"))).isZero();
    assertThat(memory.retainedCounters()).isZero();
  }

  @Test
  void isFoundThroughServiceLoaderAsInMemory() {
    QuotaStoreProvider provider =
        ProviderSelector.select(
            QuotaStoreProvider.class, Optional.of("in-memory"), "dev.tdeveloper:tenancy-core");
    assertThat(provider.name()).isEqualTo("in-memory");
    QuotaStore created = provider.create(new QuotaStoreConfig(clock, Map.of()));
    assertThat(created).isInstanceOf(InMemoryQuotaStore.class);
  }
}
