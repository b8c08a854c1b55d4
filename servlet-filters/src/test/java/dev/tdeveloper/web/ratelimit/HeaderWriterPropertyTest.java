package dev.tdeveloper.web.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.security.ratelimit.Bandwidth;
import dev.tdeveloper.security.ratelimit.RateLimitDecision;
import dev.tdeveloper.security.ratelimit.RateLimitHeaders;
import dev.tdeveloper.security.ratelimit.RateLimitPolicy;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The filter's header writer sets what {@link RateLimitHeaders#of} computes, in its order. */
class HeaderWriterPropertyTest {
  private final HeaderWriter writer = new HeaderWriter();

  @Provide
  Arbitrary<RateLimitPolicy> policies() {
    Arbitrary<Bandwidth> bandwidth =
        Combinators.combine(
                Arbitraries.longs().between(1, 10_000),
                Arbitraries.longs().between(1, 1_000),
                Arbitraries.longs().between(1_000, 7_200_000_000_000L))
            .as(
                (capacity, tokens, nanos) ->
                    new Bandwidth(capacity, tokens, Duration.ofNanos(nanos)));
    return bandwidth
        .list()
        .ofMinSize(1)
        .ofMaxSize(3)
        .uniqueElements()
        .map(bandwidths -> new RateLimitPolicy("p", bandwidths));
  }

  @Provide
  Arbitrary<RateLimitDecision> decisions() {
    Arbitrary<Long> counts = Arbitraries.longs().between(-5, 1_000_000);
    Arbitrary<Long> nanos = Arbitraries.longs().between(-5, 10_000_000_000L);
    return Arbitraries.oneOf(
        Combinators.combine(counts, counts, nanos)
            .as(
                (limit, remaining, reset) ->
                    new RateLimitDecision.Allowed(limit, remaining, reset)),
        Combinators.combine(counts, counts, nanos, nanos)
            .as(
                (limit, remaining, retry, reset) ->
                    new RateLimitDecision.Denied(limit, remaining, retry, reset)));
  }

  @Property(tries = 1000)
  void setsTheHeadersOfTheMapInItsOrder(
      @ForAll("policies") RateLimitPolicy policy, @ForAll("decisions") RateLimitDecision decision) {
    Map<String, String> expected = RateLimitHeaders.of(policy, decision);
    // twice: the second call reads the policy's text from the table
    for (int i = 0; i < 2; i++) {
      List<String> set = new ArrayList<>();
      long retryAfter = writer.write(policy, decision, recording(set));
      List<String> wanted = new ArrayList<>();
      expected.forEach((name, value) -> wanted.add(name + ": " + value));
      assertThat(set).containsExactlyElementsOf(wanted);
      assertThat(retryAfter)
          .isEqualTo(
              decision instanceof RateLimitDecision.Denied
                  ? Long.parseLong(expected.get(RateLimitHeaders.RETRY_AFTER))
                  : -1L);
    }
    // an equal policy that is another instance gets its own, equal text
    RateLimitPolicy copy = new RateLimitPolicy(policy.name(), policy.bandwidths());
    assertThat(writer.policyText(copy)).isEqualTo(RateLimitHeaders.policy(policy));
  }

  private static HttpServletResponse recording(List<String> set) {
    return (HttpServletResponse)
        Proxy.newProxyInstance(
            HeaderWriterPropertyTest.class.getClassLoader(),
            new Class<?>[] {HttpServletResponse.class},
            (proxy, method, args) -> {
              if (!method.getName().equals("setHeader")) {
                throw new UnsupportedOperationException(method.getName());
              }
              set.add(args[0] + ": " + args[1]);
              return null;
            });
  }
}
