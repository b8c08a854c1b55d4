package dev.tdeveloper.security.waf.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The derived variables a {@link RequestState} keeps by number, and invalidates one at a time for
 * {@code INBOUND_DATA_ERROR} and {@code OUTBOUND_DATA_ERROR}, are exactly what a state that never
 * cached anything derives from the same data: after any sequence of changes and reads, by number or
 * by name. A change of a data error leaves every other variable's array as it was.
 */
class RequestStateDerivedPropertyTest {
  private static final ManualClock CLOCK = new ManualClock();

  private static final List<Consumer<RequestState>> CHANGES =
      List.of(
          s -> s.setRequestLine("GET", "/a?x=1&y=%41", "HTTP/1.1"),
          s -> s.setRequestLine("POST", "/b/c.php?z=2", "HTTP/2"),
          s -> s.addRequestHeader("Host", "example.com:8080"),
          s -> s.addRequestHeader("Cookie", "a=1; b=2"),
          s -> s.addRequestHeader("Authorization", "Basic dXNlcjpwdw=="),
          s -> s.addRequestHeader("Content-Type", "application/x-www-form-urlencoded"),
          s -> s.setInboundDataError(false),
          s -> s.setInboundDataError(true),
          s -> s.setOutboundDataError(false),
          s -> s.setOutboundDataError(true),
          s -> s.setRequestBody("q=3&r=4".getBytes(StandardCharsets.ISO_8859_1)),
          s -> s.setResponseStatus(200, "HTTP/1.1"),
          s -> s.addResponseHeader("Content-Type", "text/html; charset=utf-8"),
          s -> s.setConnection("10.0.0.1", 1234, "10.0.0.2", 443));

  private record Step(boolean change, int index) {}

  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<Step> change =
        Arbitraries.integers().between(0, CHANGES.size() - 1).map(i -> new Step(true, i));
    Arbitrary<Step> read =
        Arbitraries.integers()
            .between(0, DerivedVariables.count() - 1)
            .map(i -> new Step(false, i));
    return Arbitraries.oneOf(change, read).list().ofMaxSize(40);
  }

  @Property(tries = 300)
  void readsWhatAFreshStateDerives(@ForAll("steps") List<Step> steps) {
    RequestState cached = state();
    List<Integer> done = new ArrayList<>();
    for (Step step : steps) {
      if (step.change()) {
        CHANGES.get(step.index()).accept(cached);
        done.add(step.index());
        continue;
      }
      String name = DerivedVariables.NAMES.get(step.index());
      RequestState fresh = state();
      done.forEach(i -> CHANGES.get(i).accept(fresh));
      List<Target> expected = List.of(fresh.stableTargets(name));
      assertThat(cached.stableTargets(step.index(), name)).containsExactlyElementsOf(expected);
      assertThat(cached.stableTargets(name)).containsExactlyElementsOf(expected);
      assertThat(cached.stableTargets(-1, name)).containsExactlyElementsOf(expected);
    }
  }

  @Property(tries = 50)
  void aDataErrorKeepsTheOtherVariablesArrays(@ForAll boolean inbound, @ForAll boolean exceeded) {
    RequestState s = state();
    CHANGES.forEach(c -> c.accept(s));
    List<Target[]> before = new ArrayList<>();
    for (String name : DerivedVariables.NAMES) {
      before.add(s.stableTargets(name));
    }
    if (inbound) {
      s.setInboundDataError(exceeded);
    } else {
      s.setOutboundDataError(exceeded);
    }
    String changed = inbound ? "INBOUND_DATA_ERROR" : "OUTBOUND_DATA_ERROR";
    for (int i = 0; i < DerivedVariables.count(); i++) {
      String name = DerivedVariables.NAMES.get(i);
      if (!name.equals(changed)) {
        assertThat(s.stableTargets(name)).isSameAs(before.get(i));
      }
    }
    assertThat(s.stableTargets(changed)[0].value()).isEqualTo(exceeded ? "1" : "0");
  }

  private static RequestState state() {
    return new RequestState("t", PersistentCollections.inMemory(CLOCK), CLOCK, CLOCK);
  }
}
