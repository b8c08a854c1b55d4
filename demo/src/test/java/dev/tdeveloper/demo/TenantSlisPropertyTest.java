package dev.tdeveloper.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.observability.slo.SeriesLimitException;
import dev.tdeveloper.observability.slo.SliKind;
import dev.tdeveloper.observability.slo.SliRecorder;
import dev.tdeveloper.observability.slo.SliSeries;
import dev.tdeveloper.observability.slo.Slo;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * {@link TenantSlis} (series resolved once per tenant and plan) against the recorder looked up SLO
 * by SLO on each request: the same requests leave the same series with the same counts, plan
 * changes and the recorder's series cap included.
 */
class TenantSlisPropertyTest {
  private static final List<String> TENANTS = List.of("acme", "globex", "initech");
  private static final List<String> PLANS = List.of("free", "pro", "none");
  private static final List<Slo> SLOS =
      List.of(
          Slo.builder("free-availability").objective(0.99).build(),
          Slo.builder("pro-availability").objective(0.999).build(),
          Slo.builder("pro-latency").objective(0.99).latency(Duration.ofMillis(300)).build());
  private static final Map<String, List<Slo>> BY_PLAN =
      Map.of("free", List.of(SLOS.get(0)), "pro", List.of(SLOS.get(1), SLOS.get(2)));

  /** One request: tenant, plan, status and latency in milliseconds. */
  record Request(int tenant, int plan, int status, long latencyMillis) {}

  @Provide
  Arbitrary<List<Request>> requests() {
    return Combinators.combine(
            Arbitraries.integers().between(0, TENANTS.size() - 1),
            Arbitraries.integers().between(0, PLANS.size() - 1),
            Arbitraries.of(200, 404, 429, 500, 503),
            Arbitraries.longs().between(0, 600))
        .as(Request::new)
        .list()
        .ofMaxSize(100);
  }

  private static List<Slo> slosFor(String plan) {
    return BY_PLAN.getOrDefault(plan, List.of());
  }

  /** The per-request lookup TenantSlis replaces. */
  private static void recordPlain(SliRecorder recorder, TenantId tenant, String plan, Request r) {
    for (Slo slo : slosFor(plan)) {
      try {
        SliSeries series = recorder.series(slo, tenant);
        if (slo.sli() == SliKind.LATENCY) {
          series.recordLatencyNanos(Duration.ofMillis(r.latencyMillis()).toNanos());
        } else {
          series.record(r.status() < 500);
        }
      } catch (SeriesLimitException e) {
        // not recorded, as TenantSlis logs and skips
      }
    }
  }

  private static Map<String, String> counts(SliRecorder recorder) {
    Map<String, String> counts = new TreeMap<>();
    for (Slo slo : SLOS) {
      for (SliSeries series : recorder.seriesOf(slo)) {
        counts.put(slo.id() + "/" + series.tenant(), series.counts(Duration.ofHours(1)).toString());
      }
    }
    return counts;
  }

  @Property(tries = 300)
  void resolvedSeriesRecordExactlyWhatTheLookupPerRequestRecords(
      @ForAll("requests") List<Request> requests, @ForAll boolean capped) {
    ManualClock clock = new ManualClock(Instant.parse("2025-03-01T10:00:00Z"));
    int cap = capped ? 2 : SliRecorder.DEFAULT_MAX_SERIES_PER_SLO;
    SliRecorder plain = SliRecorder.create(clock, SLOS, cap);
    SliRecorder cached = SliRecorder.create(clock, SLOS, cap);
    TenantSlis slis = new TenantSlis(cached, TenantSlisPropertyTest::slosFor);
    for (Request r : requests) {
      TenantId tenant = TenantId.of(TENANTS.get(r.tenant()));
      String plan = PLANS.get(r.plan());
      recordPlain(plain, tenant, plan, r);
      slis.record(tenant, plan, r.status(), Duration.ofMillis(r.latencyMillis()).toNanos());
    }
    assertThat(counts(cached)).isEqualTo(counts(plain));
  }

  @Test
  void aTenantsRequestsNeverReachAnotherTenantsSeries() {
    SliRecorder recorder = SliRecorder.create(new ManualClock(), SLOS);
    TenantSlis slis = new TenantSlis(recorder, TenantSlisPropertyTest::slosFor);
    TenantId acme = TenantId.of("acme");
    TenantId globex = TenantId.of("globex");
    slis.record(globex, "pro", 200, 1);
    for (int i = 0; i < 5; i++) {
      slis.record(acme, "pro", 503, 1);
    }
    assertThat(recorder.series(SLOS.get(1), globex).counts(Duration.ofHours(1)).total())
        .isEqualTo(1);
    assertThat(recorder.series(SLOS.get(1), acme).counts(Duration.ofHours(1)).bad()).isEqualTo(5);
  }
}
