package dev.tdeveloper.scaling.failover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Random sequences of call outcomes, health checks and time steps: whatever happens, the router
 * never ejects more endpoints than its limit allows, routes outside panic mode only to an endpoint
 * that is healthy and not ejected, enters panic only when no endpoint is, and never keeps an
 * endpoint ejected longer than the maximum ejection time.
 */
class FailoverRouterPropertiesTest {
  /** One step: an operation on endpoint {@code e % endpoints}, or time passing. */
  record Step(int op, int e, int seconds) {}

  @Provide
  Arbitrary<Step> steps() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 4),
            Arbitraries.integers().between(0, 5),
            Arbitraries.integers().between(0, 40))
        .as(Step::new);
  }

  @Property(tries = 300)
  void invariantsHoldUnderAnySequence(
      @ForAll @IntRange(min = 2, max = 6) int endpoints,
      @ForAll @IntRange(min = 0, max = 100) int maxEjectionPercent,
      @ForAll @Size(max = 200) List<@net.jqwik.api.From("steps") Step> steps) {
    ManualClock clock = new ManualClock();
    FailoverRouterBuilder<String> builder =
        FailoverRouter.<String>builder().ticker(clock).maxEjectionPercent(maxEjectionPercent);
    for (int i = 0; i < endpoints; i++) {
      builder.endpoint("e" + i, i);
    }
    FailoverRouter<String> router = builder.build();
    int limit = Math.max(1, endpoints * maxEjectionPercent / 100);
    for (Step s : steps) {
      String e = "e" + (s.e() % endpoints);
      switch (s.op()) {
        case 0, 1 -> router.recordFailure(e);
        case 2 -> router.recordSuccess(e);
        case 3 -> router.recordCheck(e, s.seconds() % 2 == 0);
        default -> clock.advance(Duration.ofSeconds(s.seconds()));
      }
      Selection<String> selection = router.route();
      List<EndpointStatus<String>> status = router.status();
      assertThat(status.stream().filter(EndpointStatus::ejected).count())
          .as("ejected endpoints, limit %s", limit)
          .isLessThanOrEqualTo(limit);
      boolean anyAvailable = status.stream().anyMatch(st -> st.healthy() && !st.ejected());
      if (selection.panic()) {
        assertThat(anyAvailable).as("panic while an endpoint is available: %s", status).isFalse();
      } else {
        EndpointStatus<String> chosen =
            status.stream()
                .filter(st -> st.endpoint().equals(selection.endpoint()))
                .findFirst()
                .get();
        assertThat(chosen.healthy() && !chosen.ejected()).as("routed to %s", chosen).isTrue();
      }
    }
    clock.advance(Duration.ofSeconds(301));
    router.route();
    assertThat(router.status()).noneMatch(EndpointStatus::ejected);
  }
}
