package dev.tdeveloper.observability.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.security.shield.BlockReason;
import dev.tdeveloper.security.shield.Dimension;
import dev.tdeveloper.security.shield.ShieldEvent;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.event.EventListener;
import dev.tdeveloper.tenancy.event.QuotaEvent;
import dev.tdeveloper.tenancy.event.QuotaExhaustedEvent;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The shield's and the quota's listeners (counter families) against the plain path they replaced
 * ({@link TenantMeters#counter} with the tags built per event): the same events, guards and
 * re-ranks leave the same meters with the same counts.
 */
class ShieldQuotaCountersPropertyTest {
  private static final List<String> SUBJECTS =
      List.of("acme", "globex", "initech", "umbrella", "10.0.0.7", "Not A Tenant!");
  private static final Instant AT = Instant.parse("2025-03-01T10:00:00Z");

  /** One side: its own registry, guard (same clock, same calls) and meters. */

  /** One step: an event (shield or quota) and whether a re-rank follows. */
  private record Step(Object event, boolean rerank) {}

  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<String> subject = Arbitraries.of(SUBJECTS);
    Arbitrary<Dimension> dimension = Arbitraries.of(Dimension.class);
    Arbitrary<Object> blocked =
        Combinators.combine(Arbitraries.of(BlockReason.class), dimension, subject)
            .as(
                (reason, d, s) ->
                    new ShieldEvent.Blocked(reason, d, s, reason.status(), Optional.empty()));
    Arbitrary<Object> banned =
        Combinators.combine(dimension, subject, Arbitraries.integers().between(1, 3))
            .as((d, s, offence) -> new ShieldEvent.Banned(d, s, offence, Duration.ofMinutes(1)));
    Arbitrary<Object> exhausted =
        Combinators.combine(Arbitraries.of(SUBJECTS.subList(0, 4)), Arbitraries.of("notes", "mb"))
            .as((t, r) -> new QuotaExhaustedEvent(TenantId.of(t), r, 1, 100, 100, AT, AT));
    Arbitrary<Object> event = Arbitraries.oneOf(blocked, banned, exhausted);
    return Combinators.combine(event, Arbitraries.integers().between(0, 9))
        .as((e, r) -> new Step(e, r == 0))
        .list()
        .ofMaxSize(200);
  }

  @Property(tries = 200)
  void theFamiliesLeaveExactlyTheMetersAndCountsOfThePlainPath(@ForAll("steps") List<Step> steps) {
    ManualClock clock = new ManualClock(AT);
    MeterSide plain = new MeterSide(clock);
    MeterSide cached = new MeterSide(clock);
    EventListener<Object> shield = new SecurityBinder(cached.meters).shield();
    EventListener<QuotaEvent> quota = new TenancyBinder(cached.meters).quota();
    for (Step step : steps) {
      plainPath(plain.meters, step.event());
      if (step.event() instanceof QuotaEvent e) {
        quota.onEvent(e);
      } else {
        shield.onEvent(step.event());
      }
      if (step.rerank()) {
        plain.guard.rerank();
        cached.guard.rerank();
      }
      assertThat(cached.guard.taggedTenants()).isEqualTo(plain.guard.taggedTenants());
    }
    assertThat(cached.meters.failures()).isZero();
    assertThat(cached.counts()).isEqualTo(plain.counts());
  }

  @Test
  void aBlockedTenantIsTaggedAndAnAddressIsNot() {
    MeterSide side = new MeterSide(new ManualClock(AT));
    EventListener<Object> shield = new SecurityBinder(side.meters).shield();
    for (int i = 0; i < 3; i++) {
      shield.onEvent(
          new ShieldEvent.Blocked(
              BlockReason.HEAVY_HITTER, Dimension.TENANT, "acme", 429, Optional.empty()));
    }
    shield.onEvent(
        new ShieldEvent.Blocked(
            BlockReason.DENY_LISTED, Dimension.CLIENT_IP, "10.0.0.7", 403, Optional.empty()));
    assertThat(
            side.registry
                .get("tdeveloper.shield.blocked")
                .tags("reason", "heavy_hitter", "dimension", "tenant", "tenant", "acme")
                .counter()
                .count())
        .isEqualTo(3.0);
    assertThat(
            side.registry
                .get("tdeveloper.shield.blocked")
                .tags("reason", "deny_listed", "dimension", "client_ip")
                .tag("tenant", TdeveloperMetrics.NO_TENANT)
                .counter()
                .count())
        .isEqualTo(1.0);
  }

  /** What the listeners did before the families: tags built and looked up per event. */
  private static void plainPath(TenantMeters meters, Object event) {
    if (event instanceof ShieldEvent.Blocked e) {
      meters
          .counter(
              "tdeveloper.shield.blocked",
              "Requests blocked by the abuse shield",
              tenant(e),
              "reason",
              e.reason().name().toLowerCase(Locale.ROOT),
              "dimension",
              e.dimension().name().toLowerCase(Locale.ROOT))
          .increment();
    } else if (event instanceof ShieldEvent.Banned e) {
      meters
          .counter(
              "tdeveloper.shield.bans",
              "Keys banned by the abuse shield",
              tenant(e),
              "dimension",
              e.dimension().name().toLowerCase(Locale.ROOT))
          .increment();
    } else if (event instanceof QuotaExhaustedEvent e) {
      meters
          .counter(
              "tdeveloper.quota.exhausted",
              "Consumptions refused by quota",
              Optional.of(e.tenant()),
              "resource",
              e.resource())
          .increment();
    }
  }

  private static Optional<TenantId> tenant(ShieldEvent event) {
    if (event.dimension() == Dimension.TENANT && TenantId.isValid(event.subject())) {
      return Optional.of(TenantId.of(event.subject()));
    }
    return Optional.empty();
  }
}
