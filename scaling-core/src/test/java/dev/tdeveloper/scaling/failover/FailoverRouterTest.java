package dev.tdeveloper.scaling.failover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.scaling.failover.FailoverEvent.Ejected;
import dev.tdeveloper.scaling.failover.FailoverEvent.FailedBack;
import dev.tdeveloper.scaling.failover.FailoverEvent.FailedOver;
import dev.tdeveloper.scaling.failover.FailoverEvent.PanicEntered;
import dev.tdeveloper.scaling.failover.FailoverEvent.Returned;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class FailoverRouterTest {
  private final ManualClock clock = new ManualClock();
  private final List<FailoverEvent<String>> events = new CopyOnWriteArrayList<>();

  private FailoverRouterBuilder<String> builder() {
    return FailoverRouter.<String>builder()
        .endpoint("secondary", 1)
        .endpoint("primary", 0)
        .ticker(clock)
        .listener(events::add);
  }

  private static void fail(FailoverRouter<String> router, String endpoint, int times) {
    for (int i = 0; i < times; i++) {
      router.recordFailure(endpoint);
    }
  }

  @Test
  void routesToTheHighestPriorityHealthyEndpoint() {
    FailoverRouter<String> router = builder().build();

    assertThat(router.route()).isEqualTo(new Selection<>("primary", false));
    assertThat(events).isEmpty();
  }

  @Test
  void failsOverAtOnceWhenThePrimaryCheckFails() {
    FailoverRouter<String> router = builder().build();
    router.route();

    router.recordCheck("primary", false);

    assertThat(router.route().endpoint()).isEqualTo("secondary");
    assertThat(events).containsExactly(new FailedOver<>("primary", "secondary"));
  }

  @Test
  void failsBackOnlyAfterEnoughHealthyChecksAndTime() {
    FailoverRouter<String> router = builder().failback(3, Duration.ofSeconds(30)).build();
    router.route();
    router.recordCheck("primary", false);
    router.route();

    router.recordCheck("primary", true);
    router.recordCheck("primary", true);
    clock.advance(Duration.ofSeconds(60));
    assertThat(router.route().endpoint()).as("two checks only").isEqualTo("secondary");

    router.recordCheck("primary", true);
    assertThat(router.route().endpoint()).isEqualTo("primary");
    assertThat(events).endsWith(new FailedBack<>("secondary", "primary"));
  }

  @Test
  void failbackWaitsForTheDelayEvenWithEnoughChecks() {
    FailoverRouter<String> router = builder().failback(1, Duration.ofSeconds(30)).build();
    router.route();
    router.recordCheck("primary", false);
    router.route();
    router.recordCheck("primary", true);

    clock.advance(Duration.ofSeconds(29));
    assertThat(router.route().endpoint()).isEqualTo("secondary");
    clock.advance(Duration.ofSeconds(1));
    assertThat(router.route().endpoint()).isEqualTo("primary");
  }

  @Test
  void fiveConsecutiveFailuresEjectForThirtySecondsTimesEjections() {
    FailoverRouter<String> router = builder().failback(0, Duration.ZERO).build();
    router.route();

    fail(router, "primary", 4);
    router.recordSuccess("primary");
    fail(router, "primary", 4);
    assertThat(router.route().endpoint()).as("a success resets the count").isEqualTo("primary");

    router.recordFailure("primary");
    assertThat(router.route().endpoint()).isEqualTo("secondary");
    assertThat(events)
        .containsExactly(
            new Ejected<>("primary", 1, Duration.ofSeconds(30)),
            new FailedOver<>("primary", "secondary"));

    clock.advance(Duration.ofSeconds(30));
    assertThat(router.route().endpoint()).isEqualTo("primary");
    assertThat(events)
        .endsWith(new Returned<>("primary"), new FailedBack<>("secondary", "primary"));

    fail(router, "primary", 5);
    assertThat(events).contains(new Ejected<>("primary", 2, Duration.ofSeconds(60)));
  }

  @Test
  void ejectionTimeIsCappedAtThreeHundredSeconds() {
    FailoverRouter<String> router =
        FailoverRouter.<String>builder()
            .endpoint("only", 0)
            .ticker(clock)
            .listener(events::add)
            .build();
    for (int ejection = 1; ejection <= 12; ejection++) {
      fail(router, "only", 5);
      Ejected<String> last = (Ejected<String>) events.get(events.size() - 1);
      assertThat(last.duration())
          .isEqualTo(Duration.ofSeconds(Math.min(300, 30L * last.ejections())));
      clock.advance(last.duration());
      router.route();
    }
    assertThat(
            events.stream().filter(Ejected.class::isInstance).map(e -> ((Ejected<?>) e).duration()))
        .contains(Duration.ofSeconds(300));
  }

  @Test
  void ejectionCountDecaysWhileTheEndpointStaysBack() {
    FailoverRouter<String> router = builder().build();
    fail(router, "primary", 5);
    clock.advance(Duration.ofSeconds(30));
    router.route();

    clock.advance(Duration.ofSeconds(30));
    fail(router, "primary", 5);

    assertThat(events).endsWith(new Ejected<>("primary", 1, Duration.ofSeconds(30)));
  }

  @Test
  void neverEjectsMoreThanTheMaxPercentButAlwaysAllowsOne() {
    FailoverRouterBuilder<String> b =
        FailoverRouter.<String>builder().ticker(clock).listener(events::add);
    for (int i = 0; i < 20; i++) {
      b.endpoint("e" + i, i);
    }
    FailoverRouter<String> router = b.build(); // 10% of 20 = 2
    fail(router, "e0", 5);
    fail(router, "e1", 5);
    fail(router, "e2", 5);

    assertThat(router.status().stream().filter(EndpointStatus::ejected))
        .extracting(EndpointStatus::endpoint)
        .containsExactly("e0", "e1");
    assertThat(router.status().get(2).consecutiveFailures()).isEqualTo(5);

    clock.advance(Duration.ofSeconds(30));
    router.route();
    router.recordFailure("e2");
    assertThat(router.status().get(2).ejected()).as("ejected once room frees").isTrue();

    FailoverRouter<String> two = builder().build(); // 10% of 2 rounds to 0, yet one is allowed
    fail(two, "primary", 5);
    fail(two, "secondary", 5);
    assertThat(two.status()).extracting(EndpointStatus::ejected).containsExactly(true, false);
  }

  @Test
  void panicRoutesToTheLeastBadEndpoint() {
    FailoverRouter<String> router = builder().maxEjectionPercent(100).build();
    router.route();
    router.recordCheck("primary", false);
    fail(router, "secondary", 5);

    assertThat(router.route()).isEqualTo(new Selection<>("primary", true));
    assertThat(events).contains(new PanicEntered<>("primary"));

    clock.advance(Duration.ofSeconds(10));
    fail(router, "primary", 5);
    clock.advance(Duration.ofSeconds(10));
    assertThat(router.route())
        .as("both ejected: the one whose ejection ends first")
        .isEqualTo(new Selection<>("secondary", true));

    clock.advance(Duration.ofSeconds(10));
    assertThat(router.route()).isEqualTo(new Selection<>("secondary", false));
  }

  @Test
  void rejectsBadConfigurationAndUnknownEndpoints() {
    assertThatThrownBy(() -> FailoverRouter.<String>builder().build())
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> builder().endpoint("primary", 2))
        .hasMessage("endpoint primary was added twice");
    assertThatThrownBy(() -> builder().endpoint("third", -1))
        .hasMessage("priority is -1; allowed: 0 or more");
    assertThatThrownBy(() -> builder().consecutiveFailures(0))
        .hasMessage("consecutiveFailures is 0; allowed: at least 1");
    assertThatThrownBy(() -> builder().ejection(Duration.ofSeconds(30), Duration.ofSeconds(10)))
        .hasMessage("maxEjection is PT10S; allowed: at least baseEjection (PT30S)");
    assertThatThrownBy(() -> builder().maxEjectionPercent(101))
        .hasMessage("maxEjectionPercent is 101; allowed: 0 to 100");
    assertThatThrownBy(() -> builder().failback(-1, Duration.ZERO))
        .hasMessage("failbackChecks is -1; allowed: 0 or more");
    FailoverRouter<String> router = builder().build();
    assertThatThrownBy(() -> router.recordFailure("tertiary"))
        .hasMessage("endpoint tertiary is not one of this router's");
  }
}
