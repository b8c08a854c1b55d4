package dev.tdeveloper.security.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.security.ratelimit.Bandwidth;
import dev.tdeveloper.security.ratelimit.RateLimitPolicy;
import dev.tdeveloper.security.testkit.RateLimiterStoreContract;
import dev.tdeveloper.security.testkit.StoreUnderTest;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * {@link GcraArithmetic} behind the smallest store an engine with atomic read-modify-write allows
 * (here {@link ConcurrentHashMap#compute}), held to the whole store contract.
 */
class GcraArithmeticStoreTest extends RateLimiterStoreContract {
  private final ManualClock clock = new ManualClock();

  /** A store whose engine is a map with atomic compute and a clock. */
  static final class ComputeStore implements RateLimiterStore {
    private final ConcurrentHashMap<String, GcraArithmetic.KeyState> states =
        new ConcurrentHashMap<>();
    private final ManualClock clock;
    private volatile boolean closed;

    ComputeStore(ManualClock clock) {
      this.clock = clock;
    }

    @Override
    public StoreDecision tryAcquire(String key, PolicySpec spec, long permits, long maxWait) {
      RateLimiterStore.checkArguments(key, spec, permits, maxWait);
      open();
      StoreDecision[] decision = new StoreDecision[1];
      states.compute(
          key,
          (k, state) -> {
            GcraArithmetic.Outcome outcome =
                GcraArithmetic.tryAcquire(
                    Optional.ofNullable(state), spec, permits, maxWait, clock.read());
            decision[0] = outcome.decision();
            return outcome.state().orElse(null);
          });
      return decision[0];
    }

    @Override
    public void giveBack(String key, PolicySpec spec, long permits) {
      spec.checkPermits(permits);
      open();
      states.computeIfPresent(
          key,
          (k, state) ->
              GcraArithmetic.giveBack(Optional.of(state), spec, permits, clock.read())
                  .orElse(null));
    }

    Optional<Duration> timeToLive(String key) {
      GcraArithmetic.KeyState state = states.get(key);
      long left = state == null ? 0 : state.expiresAtNanos() - clock.read();
      return left > 0 ? Optional.of(Duration.ofNanos(left)) : Optional.empty();
    }

    private void open() {
      if (closed) {
        throw new RateLimiterStoreException("store is closed");
      }
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  @Override
  protected StoreUnderTest create() {
    ComputeStore compute = new ComputeStore(clock);
    return new StoreUnderTest(compute, clock::advance, compute::timeToLive);
  }

  @Override
  protected Duration expiryGranularity() {
    return Duration.ZERO;
  }

  @Test
  void keyStateNeedsOneTimePerLimit() {
    PolicySpec two =
        PolicySpec.of(
            RateLimitPolicy.of(
                "two",
                Bandwidth.simple(10, Duration.ofSeconds(1)),
                Bandwidth.simple(100, Duration.ofMinutes(1))));

    assertThatThrownBy(() -> new GcraArithmetic.KeyState(two, List.of(1L)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tat must hold one time per limit of two (2), held 1");
    assertThat(new GcraArithmetic.KeyState(two, List.of(5L, 9L)).expiresAtNanos()).isEqualTo(9);
  }

  @Test
  void aFullKeyLeavesNoStateBehind() {
    PolicySpec spec =
        PolicySpec.of(RateLimitPolicy.of("s", Bandwidth.simple(2, Duration.ofSeconds(1))));
    GcraArithmetic.Outcome charged = GcraArithmetic.tryAcquire(Optional.empty(), spec, 1, 0, 0);

    assertThat(charged.state()).isPresent();
    assertThat(GcraArithmetic.giveBack(charged.state(), spec, 1, 0)).isEmpty();
    assertThat(GcraArithmetic.giveBack(Optional.empty(), spec, 1, 0)).isEmpty();
  }
}
