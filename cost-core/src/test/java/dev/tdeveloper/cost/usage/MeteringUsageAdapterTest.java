package dev.tdeveloper.cost.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.cost.CostException;
import dev.tdeveloper.cost.price.ResourceType;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import dev.tdeveloper.tenancy.usage.Aggregation;
import dev.tdeveloper.tenancy.usage.InMemoryUsageStore;
import dev.tdeveloper.tenancy.usage.MeterDefinition;
import dev.tdeveloper.tenancy.usage.UsageEvent;
import dev.tdeveloper.tenancy.usage.UsageMeter;
import dev.tdeveloper.tenancy.usage.WindowAggregate;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MeteringUsageAdapterTest {
  static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
  static final Instant T1 = T0.plus(Duration.ofHours(1));
  static final TenantId ACME = TenantId.of("acme");
  static final TenantId GLOBEX = TenantId.of("globex");
  static final ScaleFactor MS_TO_HOURS = ScaleFactor.per(3_600_000);

  static final MeteringUsageAdapter ADAPTER =
      MeteringUsageAdapter.builder()
          .map(MeterMapping.used("cpu_millis", ResourceType.VCPU, "node-1", "api", MS_TO_HOURS))
          .map(
              MeterMapping.requested(
                  "cpu_request_millis", ResourceType.VCPU, "node-1", "api", MS_TO_HOURS))
          .map(
              MeterMapping.used(
                  "egress_mb", ResourceType.EGRESS, "nat-1", "api", ScaleFactor.parse("0.001")))
          .build();

  static WindowAggregate window(TenantId tenant, String meter, long value) {
    return new WindowAggregate(tenant, meter, T0, T1, value, 1, true);
  }

  @Test
  void scalesMeterValuesExactly() {
    MeteringResult result =
        ADAPTER.adapt(
            List.of(window(ACME, "cpu_millis", 7_200_000), window(ACME, "egress_mb", 1_234)));

    // Sorted by tenant, workload, then asset: nat-1 before node-1.
    assertThat(result.records())
        .containsExactly(
            UsageRecords.used(
                ACME,
                "api",
                "nat-1",
                ResourceType.EGRESS,
                CostPeriod.of(T0, T1),
                new BigDecimal("1.234")),
            UsageRecords.used(
                ACME,
                "api",
                "node-1",
                ResourceType.VCPU,
                CostPeriod.of(T0, T1),
                new BigDecimal("2")));
    assertThat(result.records().get(0).used()).isEqualTo(new BigDecimal("1.234"));
    assertThat(result.records().get(1).used()).isEqualTo(new BigDecimal("2"));
    assertThat(result.complete()).isTrue();
  }

  @Test
  void nonTerminatingFactorsKeep34SignificantDigits() {
    BigDecimal one = ADAPTER.adapt(List.of(window(ACME, "cpu_millis", 1))).records().get(0).used();

    assertThat(one.precision()).isEqualTo(34);
    assertThat(one.multiply(BigDecimal.valueOf(3_600_000)).subtract(BigDecimal.ONE).abs())
        .isLessThan(new BigDecimal("1e-27"));
  }

  @Test
  void requestAndUseMetersMakeOneRecordChargedAtTheirMaximum() {
    MeteringResult result =
        ADAPTER.adapt(
            List.of(
                window(ACME, "cpu_millis", 1_800_000),
                window(ACME, "cpu_request_millis", 3_600_000)));

    assertThat(result.records()).hasSize(1);
    UsageRecord record = result.records().get(0);
    assertThat(record.requested()).isEqualByComparingTo("1");
    assertThat(record.used()).isEqualByComparingTo("0.5");
    assertThat(record.chargedQuantity()).isEqualByComparingTo("1");
  }

  @Test
  void windowsOfDifferentTenantsNeverMerge() {
    MeteringResult result =
        ADAPTER.adapt(
            List.of(
                window(ACME, "cpu_millis", 3_600_000), window(GLOBEX, "cpu_millis", 7_200_000)));

    assertThat(UsageRecords.chargedByTenant(result.records()))
        .containsExactly(
            java.util.Map.entry(ACME, new BigDecimal("1")),
            java.util.Map.entry(GLOBEX, new BigDecimal("2")));
  }

  @Test
  void skipsAndCountsUnmappedMetersByDefault() {
    MeteringResult result =
        ADAPTER.adapt(
            List.of(
                window(ACME, "api_calls", 10),
                window(GLOBEX, "api_calls", 10),
                window(ACME, "seats", 3),
                window(ACME, "cpu_millis", 3_600_000)));

    assertThat(result.records()).hasSize(1);
    assertThat(result.skippedWindows())
        .containsExactly(java.util.Map.entry("api_calls", 2), java.util.Map.entry("seats", 1));
    assertThat(result.complete()).isFalse();
  }

  @Test
  void failsOnUnmappedMetersWhenConfiguredTo() {
    MeteringUsageAdapter strict =
        MeteringUsageAdapter.builder()
            .map(MeterMapping.used("cpu_millis", ResourceType.VCPU, "node-1", "api", MS_TO_HOURS))
            .unmappedMeters(MeteringUsageAdapter.UnmappedMeters.FAIL)
            .build();

    assertThatThrownBy(
            () -> strict.adapt(List.of(window(ACME, "seats", 1), window(ACME, "api_calls", 1))))
        .isInstanceOf(CostException.class)
        .hasMessage(
            "usage: no mapping for meters [api_calls, seats] (2 windows); allowed: mapped meters"
                + " [cpu_millis]");
  }

  @Test
  void refusesOpenWindows() {
    WindowAggregate open = new WindowAggregate(ACME, "cpu_millis", T0, T1, 5, 1, false);

    assertThatThrownBy(() -> ADAPTER.adapt(List.of(open)))
        .isInstanceOf(CostException.class)
        .hasMessageContaining("cpu_millis of tenant acme [2026-01-01T10:00:00Z")
        .hasMessageContaining("still open");
  }

  @Test
  void builderRefusesAMeterMappedTwiceAndNoMappingAtAll() {
    MeteringUsageAdapter.Builder builder =
        MeteringUsageAdapter.builder()
            .map(MeterMapping.used("cpu_millis", ResourceType.VCPU, "node-1", "api", MS_TO_HOURS));

    assertThatThrownBy(
            () ->
                builder.map(
                    MeterMapping.used(
                        "cpu_millis", ResourceType.VCPU, "node-2", "api", MS_TO_HOURS)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("meter: 'cpu_millis' mapped twice")
        .hasMessageContaining("assetId=node-1")
        .hasMessageContaining("assetId=node-2");
    assertThatThrownBy(() -> MeteringUsageAdapter.builder().build())
        .isInstanceOf(IllegalStateException.class);
    builder.unmappedMeters(MeteringUsageAdapter.UnmappedMeters.SKIP);
    assertThatThrownBy(() -> builder.unmappedMeters(MeteringUsageAdapter.UnmappedMeters.FAIL))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void ingestsTheClosedWindowsOfARealUsageMeter() {
    ManualClock clock = new ManualClock(T0.plusSeconds(60));
    UsageMeter meter =
        UsageMeter.builder()
            .meter(
                MeterDefinition.of(
                    "cpu_millis", Aggregation.SUM, Duration.ofHours(1), Duration.ZERO))
            .store(new InMemoryUsageStore())
            .clock(clock)
            .build();
    meter.record(UsageEvent.of(ACME, "cpu_millis", 5_400_000, T0.plusSeconds(10), "a"));
    meter.record(UsageEvent.of(ACME, "cpu_millis", 1_800_000, T0.plusSeconds(20), "b"));
    meter.record(UsageEvent.of(GLOBEX, "cpu_millis", 900_000, T0.plusSeconds(30), "c"));
    clock.advance(Duration.ofHours(1));

    MeteringResult result = ADAPTER.ingest(meter, CostPeriod.of(T0, T1));

    assertThat(result.records())
        .extracting(UsageRecord::tenant, r -> r.used().stripTrailingZeros().toPlainString())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(ACME, "2"),
            org.assertj.core.groups.Tuple.tuple(GLOBEX, "0.25"));
  }
}
