package dev.tdeveloper.security.waf.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.security.waf.seclang.Location;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A {@link PreparedSetvar} (templates parsed at load) must leave the transaction's variables as
 * {@link SetvarAction#apply} (templates found per run) does, whatever the sequence of setvars, with
 * macros in keys and values, arithmetic, unsets and unterminated macros.
 */
class PreparedSetvarPropertyTest {
  private static final List<String> KEYS =
      List.of("a", "Score", "%{tx.k}", "x_%{rule.id}", "%{tx.missing}b", "c%{tx.k");
  private static final List<String> FORMS = List.of("=", "=+", "=-", "", "!");
  private static final List<String> VALUES =
      List.of("1", "%{tx.n}", "%{TX.N}x", "abc", "%{tx.missing}5", "100%{tx.a", "%{rule.msg}");

  @Provide
  Arbitrary<List<String>> specs() {
    Arbitrary<String> one =
        Combinators.combine(Arbitraries.of(KEYS), Arbitraries.of(FORMS), Arbitraries.of(VALUES))
            .as(
                (k, f, v) ->
                    switch (f) {
                      case "!" -> "!tx." + k;
                      case "" -> "tx." + k;
                      default -> "tx." + k + f + v;
                    });
    return one.list().ofMinSize(1).ofMaxSize(12);
  }

  @Property(tries = 300)
  void preparedSetvarsLeaveTheSameVariables(@ForAll("specs") List<String> specs) {
    RequestState plain = state();
    RequestState prepared = state();
    for (String spec : specs) {
      SetvarAction action = SetvarAction.parse(spec, new Location("test", 1));
      action.apply(plain);
      new PreparedSetvar(action).apply(prepared);
    }
    assertThat(tx(prepared)).isEqualTo(tx(plain));
  }

  private static RequestState state() {
    ManualClock clock = new ManualClock();
    RequestState s = new RequestState("t", PersistentCollections.inMemory(clock), clock, clock);
    s.rule().enter(Map.of("id", "942100", "msg", "SQL Injection"));
    s.collection("tx").orElseThrow().set("k", "key_from_macro");
    s.collection("tx").orElseThrow().set("n", "7");
    return s;
  }

  private static List<String> tx(RequestState s) {
    List<Target> out = new ArrayList<>();
    s.collect("TX", Optional.empty(), Optional.empty(), out);
    List<String> seen = new ArrayList<>();
    for (Target t : out) {
      seen.add(t.name() + "=" + t.value());
    }
    return seen;
  }
}
