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
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
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
      ModelResponse response = new ModelResponse(List.of());
      long retryAfter = writer.write(policy, decision, response.proxy());
      List<String> wanted = new ArrayList<>();
      expected.forEach((name, value) -> wanted.add(name + ": " + value));
      assertThat(response.fields()).containsExactlyElementsOf(wanted);
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

  /**
   * Headers set earlier: other names, a {@code Retry-After}, and the full set of another rate-limit
   * writer (any letter case), in any order.
   */
  @Provide
  Arbitrary<List<String[]>> earlier() {
    Arbitrary<String> value = Arbitraries.strings().alpha().numeric().ofMaxLength(6);
    Arbitrary<String> otherName =
        Arbitraries.of(
            "X-Request-Id", "Content-Type", "Retry-After", "retry-after", "RateLimit", "Vary");
    Arbitrary<List<String[]>> others =
        Combinators.combine(otherName, value).as((n, v) -> new String[] {n, v}).list().ofMaxSize(4);
    Arbitrary<List<String[]>> writerSet =
        Combinators.combine(value, Arbitraries.of(true, false), Arbitraries.of(true, false))
            .as(
                (v, upper, withRetry) -> {
                  List<String[]> set = new ArrayList<>();
                  for (String name :
                      List.of(
                          RateLimitHeaders.LIMIT,
                          RateLimitHeaders.REMAINING,
                          RateLimitHeaders.RESET,
                          RateLimitHeaders.POLICY)) {
                    set.add(new String[] {upper ? name.toUpperCase(Locale.ROOT) : name, v});
                  }
                  if (withRetry) {
                    set.add(new String[] {RateLimitHeaders.RETRY_AFTER, v});
                  }
                  return set;
                });
    return Combinators.combine(others, writerSet.list().ofMaxSize(2), others)
        .as(
            (before, sets, after) -> {
              List<String[]> all = new ArrayList<>(before);
              sets.forEach(all::addAll);
              all.addAll(after);
              return all;
            });
  }

  @Property(tries = 1000)
  void leavesTheFieldsSetHeaderLeaves(
      @ForAll("policies") RateLimitPolicy policy,
      @ForAll("decisions") RateLimitDecision decision,
      @ForAll("earlier") List<String[]> earlier) {
    ModelResponse plain = new ModelResponse(earlier);
    RateLimitHeaders.write(decision, RateLimitHeaders.policy(policy), plain.proxy()::setHeader);
    ModelResponse written = new ModelResponse(earlier);
    writer.write(policy, decision, written.proxy());
    assertThat(written.fields()).containsExactlyElementsOf(plain.fields());
    // the fast path: a response without RateLimit-Limit gets the four added, not set
    boolean fresh = earlier.stream().noneMatch(f -> f[0].equalsIgnoreCase(RateLimitHeaders.LIMIT));
    if (fresh) {
      assertThat(written.sets).allMatch(RateLimitHeaders.RETRY_AFTER::equals);
    }
  }

  /**
   * A response's header fields as a servlet container keeps them: {@code setHeader} replaces the
   * first field of the name (any case) and removes the others, or appends; {@code addHeader}
   * appends.
   */
  private static final class ModelResponse {
    private final List<String[]> fields = new ArrayList<>();
    private final List<String> sets = new ArrayList<>();

    ModelResponse(List<String[]> earlier) {
      earlier.forEach(f -> fields.add(f.clone()));
    }

    List<String> fields() {
      return fields.stream().map(f -> f[0] + ": " + f[1]).toList();
    }

    HttpServletResponse proxy() {
      return (HttpServletResponse)
          Proxy.newProxyInstance(
              HeaderWriterPropertyTest.class.getClassLoader(),
              new Class<?>[] {HttpServletResponse.class},
              (proxy, method, args) ->
                  switch (method.getName()) {
                    case "containsHeader" ->
                        fields.stream().anyMatch(f -> f[0].equalsIgnoreCase((String) args[0]));
                    case "addHeader" -> add((String) args[0], (String) args[1]);
                    case "setHeader" -> set((String) args[0], (String) args[1]);
                    default -> throw new UnsupportedOperationException(method.getName());
                  });
    }

    private Object add(String name, String value) {
      fields.add(new String[] {name, value});
      return null;
    }

    private Object set(String name, String value) {
      sets.add(name);
      boolean replaced = false;
      for (Iterator<String[]> it = fields.iterator(); it.hasNext(); ) {
        String[] field = it.next();
        if (field[0].equalsIgnoreCase(name)) {
          if (replaced) {
            it.remove();
          } else {
            field[0] = name;
            field[1] = value;
            replaced = true;
          }
        }
      }
      if (!replaced) {
        fields.add(new String[] {name, value});
      }
      return null;
    }
  }
}
