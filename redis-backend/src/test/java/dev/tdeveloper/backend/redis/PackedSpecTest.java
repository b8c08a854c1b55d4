package dev.tdeveloper.backend.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.security.spi.PolicySpec;
import dev.tdeveloper.security.spi.RateLimiterStoreException;
import dev.tdeveloper.security.spi.StoreDecision;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The one-limit reading of the script's answer against the reading of any number of limits. */
class PackedSpecTest {
  private static final long BILLION = 1_000_000_000L;
  private static final long MAX = 1L << 61;

  /** A one-limit spec, a charge, an allowance and an answer (well-formed or not) to read. */
  record Case(PolicySpec spec, long permits, long allowance, long[] reply) {}

  @Property(tries = 3000)
  void oneLimitReadingAnswersExactlyWhatTheGeneralReadingAnswers(@ForAll("cases") Case c) {
    PackedSpec packed = new PackedSpec(c.spec());
    Object fast = outcome(() -> packed.decision(c.reply(), c.permits(), c.allowance()));
    Object plain = outcome(() -> packed.decisionOfAny(c.reply(), c.permits(), c.allowance()));
    assertThat(fast).isEqualTo(plain);
  }

  @Test
  void oneLimitReadingDerivesTheFiguresOfAnAllowedAndADeniedAnswer() {
    PolicySpec spec = new PolicySpec("p", List.of(new PolicySpec.Limit(1_000, 10_000, 10)));
    PackedSpec packed = new PackedSpec(spec);
    // 4 us of the 10 us tolerance in use: a charge of 1 is allowed, one of 7 is denied
    assertThat(packed.decision(new long[] {1, 0, 4_000}, 1, 0))
        .isEqualTo(StoreDecision.allowed(0, 10, 5, 5_000));
    assertThat(packed.decision(new long[] {0, 0, 4_000}, 7, 0))
        .isEqualTo(StoreDecision.denied(10, 6, 1_000, 4_000));
  }

  @Provide
  Arbitrary<Case> cases() {
    Arbitrary<Long> interval =
        Arbitraries.oneOf(
            Arbitraries.longs().between(1, 1_000), Arbitraries.longs().between(1, BILLION * 100));
    Arbitrary<Long> capacity =
        Arbitraries.oneOf(
            Arbitraries.longs().between(1, 20), Arbitraries.longs().between(1, 2_000_000));
    Arbitrary<Long> seconds =
        Arbitraries.oneOf(
            Arbitraries.longs().between(-3, 3),
            Arbitraries.longs().between(-(1L << 40), 1L << 40),
            Arbitraries.of(Long.MAX_VALUE / BILLION + 1, Long.MIN_VALUE / BILLION - 1));
    Arbitrary<Long> nanos =
        Arbitraries.oneOf(
            Arbitraries.longs().between(0, BILLION - 1), Arbitraries.of(-1L, BILLION, 0L));
    return Combinators.combine(
            interval,
            capacity,
            Arbitraries.doubles().between(0, 1),
            Arbitraries.oneOf(
                Arbitraries.of(0L), Arbitraries.longs().between(0, BILLION), Arbitraries.of(MAX)),
            Arbitraries.of(0L, 1L, 2L),
            seconds,
            nanos)
        .as(
            (t, cap, share, allowance, allowed, s, n) -> {
              long c = Math.max(1, Math.min(cap, MAX / t));
              long permits = Math.max(1, Math.min(c, Math.round(share * c)));
              PolicySpec spec = new PolicySpec("p", List.of(new PolicySpec.Limit(t, c * t, c)));
              return new Case(spec, permits, allowance, new long[] {allowed, s, n});
            });
  }

  private static Object outcome(java.util.function.Supplier<StoreDecision> read) {
    try {
      return read.get();
    } catch (RateLimiterStoreException e) {
      return e.getClass().getName() + ": " + e.getMessage();
    }
  }
}
