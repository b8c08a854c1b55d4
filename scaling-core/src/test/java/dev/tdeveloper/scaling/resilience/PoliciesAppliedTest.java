package dev.tdeveloper.scaling.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.failsafe.BulkheadFullException;
import dev.failsafe.TimeoutExceededException;
import dev.tdeveloper.scaling.resilience.ResilienceEvent.BulkheadFull;
import dev.tdeveloper.scaling.resilience.ResilienceEvent.RetriesExhausted;
import dev.tdeveloper.scaling.resilience.ResilienceEvent.RetryScheduled;
import dev.tdeveloper.tenancy.TenantId;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PoliciesAppliedTest {
  private final List<ResilienceEvent> events = new CopyOnWriteArrayList<>();

  private DependencyPolicies with(DependencyPolicy policy) {
    return DependencyPolicies.builder().policy(policy).listener(events::add).build();
  }

  private <E extends ResilienceEvent> List<E> eventsOf(Class<E> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  @Test
  void retryDelaysStayWithinTheJitterBounds() {
    DependencyPolicies policies =
        with(
            DependencyPolicy.builder("search")
                .retry(RetrySettings.fixed(5, Duration.ofMillis(20)).withJitter(0.5))
                .build());
    AtomicInteger attempts = new AtomicInteger();

    assertThatThrownBy(
            () ->
                policies
                    .call("search")
                    .get(
                        () -> {
                          attempts.incrementAndGet();
                          throw new IllegalStateException("down");
                        }))
        .isInstanceOf(IllegalStateException.class);

    assertThat(attempts).hasValue(5);
    assertThat(eventsOf(RetryScheduled.class))
        .hasSize(4)
        .allSatisfy(
            retry ->
                assertThat(retry.delay()).isBetween(Duration.ofMillis(10), Duration.ofMillis(30)));
    assertThat(eventsOf(RetriesExhausted.class))
        .singleElement()
        .satisfies(done -> assertThat(done.attempts()).isEqualTo(5));
  }

  @Test
  void backoffGrowsToItsCapWithoutJitter() {
    DependencyPolicies policies =
        with(
            DependencyPolicy.builder("search")
                .retry(
                    RetrySettings.exponential(5, Duration.ofMillis(2), Duration.ofMillis(8))
                        .withJitter(0))
                .build());

    assertThatThrownBy(() -> policies.call("search").run(() -> fail()))
        .isInstanceOf(IllegalStateException.class);

    assertThat(eventsOf(RetryScheduled.class))
        .extracting(RetryScheduled::delay)
        .containsExactly(
            Duration.ofMillis(2), Duration.ofMillis(4), Duration.ofMillis(8), Duration.ofMillis(8));
  }

  @Test
  void failuresOutsideTheRetryPredicateAreNotRetried() {
    DependencyPolicies policies =
        with(
            DependencyPolicy.builder("search")
                .retry(
                    RetrySettings.fixed(3, Duration.ofMillis(1))
                        .retryingOn(failure -> failure instanceof IOException))
                .build());
    AtomicInteger attempts = new AtomicInteger();

    assertThatThrownBy(
            () ->
                policies
                    .call("search")
                    .run(
                        () -> {
                          attempts.incrementAndGet();
                          throw new IllegalArgumentException("bad request");
                        }))
        .isInstanceOf(IllegalArgumentException.class);

    assertThat(attempts).hasValue(1);
    assertThat(events).isEmpty();
  }

  @Test
  void timeoutEndsASlowAttempt() {
    DependencyPolicies policies =
        with(DependencyPolicy.builder("reports").timeout(Duration.ofMillis(50)).build());
    CountDownLatch never = new CountDownLatch(1);

    assertThatThrownBy(() -> policies.call("reports").get(() -> never.await(30, TimeUnit.SECONDS)))
        .isInstanceOf(TimeoutExceededException.class);
  }

  @Test
  void fullBulkheadRejectsReportsAndLeavesTheBreakerClosed() throws Exception {
    DependencyPolicies policies =
        with(
            DependencyPolicy.builder("ledger")
                .circuitBreaker(CircuitBreakerSettings.consecutiveFailures(1))
                .bulkhead(BulkheadSettings.of(1))
                .build());
    ResilientCall call = policies.call("ledger");
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Boolean> holder = holdOnlyPermit(call, release);

    assertThatThrownBy(() -> call.get(() -> "second")).isInstanceOf(BulkheadFullException.class);

    release.countDown();
    assertThat(holder.get(30, TimeUnit.SECONDS)).isTrue();
    assertThat(eventsOf(BulkheadFull.class))
        .containsExactly(new BulkheadFull("ledger", Optional.empty(), 1));
    assertThat(call.breakerState()).contains(BreakerState.CLOSED);
    assertThat(call.<String>get(() -> "after")).isEqualTo("after");
  }

  @Test
  void bulkheadKeepsItsPermitsAfterTimedOutWaits() throws Exception {
    // Regression: Failsafe 3.3.2's Bulkhead loses a permit per timed-out wait (failsafe#393).
    DependencyPolicies policies =
        with(
            DependencyPolicy.builder("ledger")
                .bulkhead(new BulkheadSettings(1, Duration.ofMillis(5)))
                .build());
    ResilientCall call = policies.call("ledger");
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Boolean> holder = holdOnlyPermit(call, release);
    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> call.get(() -> "waits")).isInstanceOf(BulkheadFullException.class);
    }

    release.countDown();
    assertThat(holder.get(30, TimeUnit.SECONDS)).isTrue();

    assertThat(call.<String>get(() -> "after")).isEqualTo("after");
    assertThat(eventsOf(BulkheadFull.class)).hasSize(3);
  }

  @Test
  void oneTenantFillingItsBulkheadNeverBlocksAnother() throws Exception {
    DependencyPolicies policies =
        with(
            DependencyPolicy.builder("ledger")
                .bulkhead(BulkheadSettings.of(1))
                .perTenant(true)
                .build());
    TenantId a = TenantId.of("a");
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Boolean> holder = holdOnlyPermit(policies.call("ledger", a), release);

    assertThatThrownBy(() -> policies.call("ledger", a).get(() -> "a again"))
        .isInstanceOf(BulkheadFullException.class);
    assertThat(policies.call("ledger", TenantId.of("b")).<String>get(() -> "b")).isEqualTo("b");

    release.countDown();
    assertThat(holder.get(30, TimeUnit.SECONDS)).isTrue();
    assertThat(eventsOf(BulkheadFull.class))
        .containsExactly(new BulkheadFull("ledger", Optional.of(a), 1));
  }

  @Test
  void fallbackAnswersWithTheLastFailureOnceRetriesAreExhausted() {
    DependencyPolicies policies =
        with(
            DependencyPolicy.builder("prices")
                .retry(RetrySettings.fixed(2, Duration.ofMillis(1)))
                .fallback(failure -> "cached after " + failure.getMessage())
                .build());

    String price = policies.call("prices").get(() -> fail());

    assertThat(price).isEqualTo("cached after down");
    assertThat(eventsOf(RetriesExhausted.class)).hasSize(1);
  }

  @Test
  void fallbackReceivesACheckedFailureUnwrapped() {
    DependencyPolicies policies =
        with(
            DependencyPolicy.builder("prices")
                .fallback(failure -> failure.getClass().getSimpleName())
                .build());

    String answer =
        policies
            .call("prices")
            .get(
                () -> {
                  throw new IOException("reset");
                });

    assertThat(answer).isEqualTo("IOException");
  }

  /**
   * Takes the one permit of {@code call}'s bulkhead on another thread and returns once it is held;
   * the holder finishes (true) when {@code release} is counted down.
   */
  private static CompletableFuture<Boolean> holdOnlyPermit(
      ResilientCall call, CountDownLatch release) throws InterruptedException {
    CountDownLatch inside = new CountDownLatch(1);
    CompletableFuture<Boolean> holder =
        CompletableFuture.supplyAsync(
            () ->
                call.get(
                    () -> {
                      inside.countDown();
                      return release.await(30, TimeUnit.SECONDS);
                    }));
    assertThat(inside.await(30, TimeUnit.SECONDS)).isTrue();
    return holder;
  }

  private static String fail() {
    throw new IllegalStateException("down");
  }
}
