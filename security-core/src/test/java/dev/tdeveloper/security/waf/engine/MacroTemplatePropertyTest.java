package dev.tdeveloper.security.waf.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link MacroTemplate#expand} joins up to three parts without a builder and more with one of the
 * exact size; whatever the number and order of literal texts and macros, the result must be each
 * part's value in order, as a plain part-by-part expansion gives, against the request state and
 * against any other variable store.
 */
class MacroTemplatePropertyTest {
  /** Macro texts and what each expands to in {@link #state()}. */
  private static final Map<String, String> MACROS =
      Map.of(
          "%{tx.a}", "1",
          "%{TX.B}", "two words",
          "%{tx.missing}", "",
          "%{REMOTE_ADDR}", "203.0.113.7",
          "%{MATCHED_VAR}", "1' or 1=1",
          "%{rule.id}", "942100");

  /** What each macro expands to against {@link #echoStore()}. */
  private static final Map<String, String> ECHOED =
      Map.of(
          "%{tx.a}", "TX.a",
          "%{TX.B}", "TX.B",
          "%{tx.missing}", "TX.missing",
          "%{REMOTE_ADDR}", "REMOTE_ADDR.",
          "%{MATCHED_VAR}", "MATCHED_VAR.",
          "%{rule.id}", "RULE.id");

  @Provide
  Arbitrary<List<String>> parts() {
    Arbitrary<String> literal =
        Arbitraries.strings().withChars("ab %=.:-+").ofMinLength(1).ofMaxLength(6);
    Arbitrary<String> macro = Arbitraries.of(List.copyOf(MACROS.keySet()));
    return Arbitraries.oneOf(literal, macro).list().ofMaxSize(6);
  }

  @Property(tries = 500)
  void expandsEveryPartInOrder(@ForAll("parts") List<String> parts) {
    String text = String.join("", parts);
    StringBuilder expected = new StringBuilder();
    for (String p : parts) {
      expected.append(MACROS.getOrDefault(p, p));
    }
    assertThat(MacroTemplate.parse(text).expand(state())).isEqualTo(expected.toString());
  }

  @Property(tries = 200)
  void expandsEveryPartInOrderAgainstAnyStore(@ForAll("parts") List<String> parts) {
    String text = String.join("", parts);
    StringBuilder expected = new StringBuilder();
    for (String p : parts) {
      expected.append(ECHOED.getOrDefault(p, p));
    }
    assertThat(MacroTemplate.parse(text).expand(echoStore())).isEqualTo(expected.toString());
  }

  private static RequestState state() {
    ManualClock clock = new ManualClock();
    RequestState state = new RequestState("t", PersistentCollections.inMemory(clock), clock, clock);
    state.collection("tx").orElseThrow().set("a", "1");
    state.collection("tx").orElseThrow().set("b", "two words");
    state.setConnection("203.0.113.7", 1, "10.0.0.1", 80);
    state.matched().add(new Target("ARGS:id", "id", "1' or 1=1"));
    state.rule().enter(Map.of("id", "942100"));
    return state;
  }

  /**
   * A store whose every variable's first value is its name and key, as the template parsed them.
   */
  private static VariableStore echoStore() {
    return new VariableStore() {
      @Override
      public void collect(
          String variable,
          Optional<String> key,
          Optional<dev.tdeveloper.security.waf.regex.WafPattern> keyPattern,
          List<Target> out) {
        out.add(new Target(variable, key.orElse(""), variable + "." + key.orElse("")));
      }

      @Override
      public Optional<MutableCollection> collection(String name) {
        return Optional.empty();
      }

      @Override
      public String expand(String text) {
        return text;
      }
    };
  }
}
