package dev.tdeveloper.tenancy.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.tdeveloper.tenancy.TenancyException;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.event.QuotaEvent;
import dev.tdeveloper.tenancy.event.QuotaExhaustedEvent;
import dev.tdeveloper.tenancy.event.QuotaThresholdEvent;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class QuotaEnforcerTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final TenantId GLOBEX = TenantId.of("globex");

  private final ManualClock clock = new ManualClock(Instant.parse("2026-01-15T10:00:00Z"));
  private final List<QuotaEvent> events = new CopyOnWriteArrayList<>();

  private QuotaEnforcer enforcer(QuotaPolicy... policies) {
    return QuotaEnforcer.builder()
        .clock(clock)
        .policies(QuotaPolicies.of(List.of(policies)))
        .listener(events::add)
        .build();
  }

  @Test
  void grantsUntilExhaustedAndConsumesNothingWhenItDoesNotFit() {
    QuotaEnforcer quotas = enforcer(QuotaPolicy.of("api-calls", 10, QuotaPeriod.HOUR));
    Instant resetAt = Instant.parse("2026-01-15T11:00:00Z");
    assertThat(quotas.tryConsume(ACME, "api-calls", 7))
        .isEqualTo(new QuotaDecision.Granted(3, resetAt));
    assertThat(quotas.tryConsume(ACME, "api-calls", 5))
        .isEqualTo(new QuotaDecision.Exhausted(3, resetAt, 5));
    assertThat(quotas.usage(ACME, "api-calls")).isEqualTo(new QuotaUsage(7, 10, resetAt));
    assertThat(quotas.tryConsume(ACME, "api-calls", 3))
        .isEqualTo(new QuotaDecision.Granted(0, resetAt));
    assertThat(quotas.tryConsume(ACME, "api-calls", 1).isGranted()).isFalse();
  }

  @Test
  void resetsWhenTheWindowEnds() {
    QuotaEnforcer quotas = enforcer(QuotaPolicy.of("api-calls", 2, QuotaPeriod.MINUTE));
    quotas.tryConsume(ACME, "api-calls", 2);
    clock.setTo(Instant.parse("2026-01-15T10:00:59.999Z"));
    assertThat(quotas.tryConsume(ACME, "api-calls", 1).isGranted()).isFalse();
    clock.setTo(Instant.parse("2026-01-15T10:01:00Z"));
    assertThat(quotas.tryConsume(ACME, "api-calls", 2))
        .isEqualTo(new QuotaDecision.Granted(0, Instant.parse("2026-01-15T10:02:00Z")));
  }

  @Test
  void calendarMonthResetsOnTheFirstInTheTenantsZone() {
    clock.setTo(Instant.parse("2026-01-31T10:59:59Z"));
    QuotaEnforcer quotas =
        QuotaEnforcer.builder()
            .clock(clock)
            .policies(
                QuotaPolicies.of(List.of(QuotaPolicy.of("exports", 1, QuotaPeriod.CALENDAR_MONTH))))
            .timeZones(id -> id.equals(ACME) ? ZoneId.of("Pacific/Auckland") : ZoneOffset.UTC)
            .build();
    assertThat(quotas.tryConsume(ACME, "exports", 1).resetAt())
        .isEqualTo(Instant.parse("2026-01-31T11:00:00Z"));
    assertThat(quotas.tryConsume(GLOBEX, "exports", 1).resetAt())
        .isEqualTo(Instant.parse("2026-02-01T00:00:00Z"));

    clock.setTo(Instant.parse("2026-01-31T11:00:00Z"));
    assertThat(quotas.tryConsume(ACME, "exports", 1).isGranted()).isTrue();
    assertThat(quotas.tryConsume(GLOBEX, "exports", 1).isGranted()).isFalse();

    clock.setTo(Instant.parse("2026-02-01T00:00:00Z"));
    assertThat(quotas.tryConsume(GLOBEX, "exports", 1).isGranted()).isTrue();
    assertThat(quotas.tryConsume(ACME, "exports", 1).isGranted()).isFalse();
  }

  @Test
  void dailyQuotaLastsTwentyThreeAndTwentyFiveHoursOnDaylightSavingDays() {
    QuotaEnforcer quotas =
        QuotaEnforcer.builder()
            .clock(clock)
            .policies(QuotaPolicies.of(List.of(QuotaPolicy.of("api-calls", 1, QuotaPeriod.DAY))))
            .timeZones(id -> ZoneId.of("America/New_York"))
            .build();
    clock.setTo(Instant.parse("2026-03-08T05:00:00Z")); // local midnight, spring forward day
    assertThat(quotas.tryConsume(ACME, "api-calls", 1).resetAt())
        .isEqualTo(clock.instant().plus(Duration.ofHours(23)));
    clock.advance(Duration.ofHours(23).minusNanos(1));
    assertThat(quotas.tryConsume(ACME, "api-calls", 1).isGranted()).isFalse();
    clock.advanceNanos(1);
    assertThat(quotas.tryConsume(ACME, "api-calls", 1).isGranted()).isTrue();

    clock.setTo(Instant.parse("2026-11-01T04:00:00Z")); // local midnight, fall back day
    assertThat(quotas.tryConsume(ACME, "api-calls", 1).resetAt())
        .isEqualTo(clock.instant().plus(Duration.ofHours(25)));
    clock.advance(Duration.ofHours(24));
    assertThat(quotas.tryConsume(ACME, "api-calls", 1).isGranted()).isFalse();
    clock.advance(Duration.ofHours(1));
    assertThat(quotas.tryConsume(ACME, "api-calls", 1).isGranted()).isTrue();
  }

  @Test
  void oneTenantExhaustingItsQuotaNeverChangesAnothers() {
    QuotaEnforcer quotas = enforcer(QuotaPolicy.of("api-calls", 5, QuotaPeriod.DAY));
    quotas.tryConsume(GLOBEX, "api-calls", 2);
    QuotaUsage before = quotas.usage(GLOBEX, "api-calls");
    for (int i = 0; i < 10; i++) {
      quotas.tryConsume(ACME, "api-calls", 1);
    }
    quotas.refund(ACME, "api-calls", 100);
    assertThat(quotas.usage(GLOBEX, "api-calls")).isEqualTo(before);
    assertThat(quotas.tryConsume(GLOBEX, "api-calls", 3).remaining()).isZero();
  }

  @Test
  void refundGivesBackButNeverBelowZero() {
    QuotaEnforcer quotas = enforcer(QuotaPolicy.of("api-calls", 10, QuotaPeriod.DAY));
    quotas.tryConsume(ACME, "api-calls", 6);
    assertThat(quotas.refund(ACME, "api-calls", 4).used()).isEqualTo(2);
    assertThat(quotas.refund(ACME, "api-calls", 4).used()).isZero();
    assertThat(quotas.usage(ACME, "api-calls").remaining()).isEqualTo(10);
  }

  @Test
  void badInputChangesNothing() {
    QuotaEnforcer quotas =
        enforcer(
            QuotaPolicy.of("api-calls", 10, QuotaPeriod.DAY),
            QuotaPolicy.of("bytes", Long.MAX_VALUE, QuotaPeriod.DAY));
    quotas.tryConsume(ACME, "api-calls", 4);
    assertThatThrownBy(() -> quotas.tryConsume(ACME, "api-calls", 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("amount of 'api-calls' must be at least 1, was 0");
    assertThatThrownBy(() -> quotas.tryConsume(ACME, "api-calls", -5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> quotas.refund(ACME, "api-calls", 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> quotas.tryConsume(ACME, " ", 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("resource");
    assertThatThrownBy(() -> quotas.tryConsume(ACME, null, 1))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> quotas.tryConsume(null, "api-calls", 1))
        .isInstanceOf(NullPointerException.class);
    assertThat(quotas.usage(ACME, "api-calls").used()).isEqualTo(4);

    quotas.tryConsume(ACME, "bytes", Long.MAX_VALUE - 1);
    assertThat(quotas.tryConsume(ACME, "bytes", Long.MAX_VALUE))
        .isInstanceOf(QuotaDecision.Exhausted.class);
    assertThat(quotas.tryConsume(ACME, "bytes", 2)).isInstanceOf(QuotaDecision.Exhausted.class);
    assertThat(quotas.usage(ACME, "bytes").used()).isEqualTo(Long.MAX_VALUE - 1);
    assertThat(quotas.tryConsume(ACME, "bytes", 1).remaining()).isZero();
  }

  @Test
  void resourceWithoutPolicyIsAnUnknownQuota() {
    QuotaEnforcer quotas = enforcer(QuotaPolicy.of("api-calls", 10, QuotaPeriod.DAY));
    assertThatThrownBy(() -> quotas.tryConsume(ACME, "exports", 1))
        .isInstanceOf(UnknownQuotaException.class)
        .isInstanceOf(TenancyException.class)
        .hasMessageContaining("'exports'")
        .hasMessageContaining("'acme'");
    assertThatThrownBy(() -> quotas.usage(ACME, "exports"))
        .isInstanceOf(UnknownQuotaException.class);
  }

  @Test
  void refusesAPolicyForAnotherResource() {
    QuotaPolicy exports = QuotaPolicy.of("exports", 1, QuotaPeriod.DAY);
    QuotaEnforcer quotas =
        QuotaEnforcer.builder().clock(clock).policies((t, r) -> Optional.of(exports)).build();
    assertThatThrownBy(() -> quotas.tryConsume(ACME, "api-calls", 1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("api-calls");
  }

  @Test
  void publishesExhaustedForEveryRefusal() {
    QuotaEnforcer quotas = enforcer(QuotaPolicy.of("api-calls", 1, QuotaPeriod.HOUR));
    quotas.tryConsume(ACME, "api-calls", 1);
    events.clear();
    quotas.tryConsume(ACME, "api-calls", 3);
    assertThat(events)
        .containsExactly(
            new QuotaExhaustedEvent(
                ACME,
                "api-calls",
                3,
                1,
                1,
                Instant.parse("2026-01-15T11:00:00Z"),
                clock.instant()));
  }

  @Test
  void publishesEachThresholdOncePerWindow() {
    QuotaEnforcer quotas = enforcer(QuotaPolicy.of("api-calls", 10, QuotaPeriod.HOUR));
    quotas.tryConsume(ACME, "api-calls", 7);
    assertThat(events).isEmpty();
    quotas.tryConsume(ACME, "api-calls", 1);
    quotas.tryConsume(ACME, "api-calls", 2);
    quotas.refund(ACME, "api-calls", 5);
    quotas.tryConsume(ACME, "api-calls", 5);
    assertThat(events)
        .extracting(e -> ((QuotaThresholdEvent) e).percent(), e -> ((QuotaThresholdEvent) e).used())
        .containsExactly(tuple(80, 8L), tuple(100, 10L));

    events.clear();
    clock.advance(Duration.ofHours(1));
    quotas.tryConsume(ACME, "api-calls", 10);
    assertThat(events)
        .extracting(e -> ((QuotaThresholdEvent) e).percent())
        .containsExactly(80, 100);
  }

  @Test
  void aThrowingListenerNeverBreaksTheDecision() {
    QuotaEnforcer quotas =
        QuotaEnforcer.builder()
            .clock(clock)
            .policies(QuotaPolicies.of(List.of(QuotaPolicy.of("api-calls", 1, QuotaPeriod.DAY))))
            .listener(
                event -> {
                  throw new IllegalStateException("listener failure");
                })
            .listener(events::add)
            .build();
    assertThat(quotas.tryConsume(ACME, "api-calls", 1).isGranted()).isTrue();
    assertThat(quotas.tryConsume(ACME, "api-calls", 1).isGranted()).isFalse();
    assertThat(events).hasSize(3);
  }

  @Test
  void perPlanPoliciesApplyEachTenantsPlan() {
    QuotaEnforcer quotas =
        QuotaEnforcer.builder()
            .clock(clock)
            .policies(
                QuotaPolicies.perPlan(
                    id -> id.equals(ACME) ? "pro" : "free",
                    Map.of(
                        "free", List.of(QuotaPolicy.of("api-calls", 1, QuotaPeriod.DAY)),
                        "pro", List.of(QuotaPolicy.of("api-calls", 100, QuotaPeriod.DAY)))))
            .build();
    assertThat(quotas.tryConsume(ACME, "api-calls", 50).remaining()).isEqualTo(50);
    assertThat(quotas.tryConsume(GLOBEX, "api-calls", 2).isGranted()).isFalse();
  }

  @Test
  void builderRefusesMissingPoliciesAndRepeatedSettings() {
    assertThatThrownBy(() -> QuotaEnforcer.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("policies");
    assertThatThrownBy(() -> QuotaEnforcer.builder().clock(clock).clock(clock))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("clock was already set");
    assertThatThrownBy(() -> QuotaEnforcer.builder().store(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("store");
  }

  @Test
  void thresholdUnitsRoundUpWithoutOverflow() {
    assertThat(QuotaEnforcer.thresholdUnits(10, 80)).isEqualTo(8);
    assertThat(QuotaEnforcer.thresholdUnits(1, 80)).isEqualTo(1);
    assertThat(QuotaEnforcer.thresholdUnits(101, 80)).isEqualTo(81);
    assertThat(QuotaEnforcer.thresholdUnits(Long.MAX_VALUE, 100)).isEqualTo(Long.MAX_VALUE);
    assertThat(QuotaEnforcer.thresholdUnits(Long.MAX_VALUE, 80))
        .isEqualTo(
            BigInteger.valueOf(Long.MAX_VALUE)
                .multiply(BigInteger.valueOf(80))
                .add(BigInteger.valueOf(99))
                .divide(BigInteger.valueOf(100))
                .longValueExact());
  }
}
