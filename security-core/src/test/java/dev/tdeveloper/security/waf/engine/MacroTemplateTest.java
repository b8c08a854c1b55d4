package dev.tdeveloper.security.waf.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MacroTemplateTest {
  private final ManualClock clock = new ManualClock();
  private final RequestState state =
      new RequestState("t", PersistentCollections.inMemory(clock), clock, clock);

  @Test
  void expandsTxInAnyCase() {
    state.collection("tx").orElseThrow().set("anomaly_score", "5");
    assertThat(state.expand("score %{tx.anomaly_score}/%{TX.ANOMALY_SCORE}"))
        .isEqualTo("score 5/5");
  }

  @Test
  void expandsRequestHeadersByKeyCaseInsensitively() {
    state.addRequestHeader("Host", "example.com");
    assertThat(state.expand("%{REQUEST_HEADERS.host}")).isEqualTo("example.com");
    assertThat(state.expand("%{request_headers:HOST}")).isEqualTo("example.com");
  }

  @Test
  void expandsMatchedVarAndItsName() {
    state.matched().add(new Target("ARGS:id", "id", "1' or 1=1"));
    assertThat(state.expand("Matched Data: %{MATCHED_VAR} found within %{MATCHED_VAR_NAME}"))
        .isEqualTo("Matched Data: 1' or 1=1 found within ARGS:id");
  }

  @Test
  void expandsRuleValuesAndCaptures() {
    state.rule().enter(Map.of("id", "942100", "msg", "SQL Injection"));
    state.collection("TX").orElseThrow().set("0", "union select");
    assertThat(state.expand("%{rule.id}-OWASP_CRS/%{rule.msg}: %{tx.0}"))
        .isEqualTo("942100-OWASP_CRS/SQL Injection: union select");
  }

  @Test
  void expandsSingleVariables() {
    state.setConnection("203.0.113.7", 1, "10.0.0.1", 80);
    assertThat(state.expand("ip=%{REMOTE_ADDR}")).isEqualTo("ip=203.0.113.7");
  }

  @Test
  void unknownOrAbsentMacrosExpandToEmpty() {
    assertThat(state.expand("[%{tx.missing}][%{NO_SUCH_VARIABLE}][%{ip.x}]")).isEqualTo("[][][]");
  }

  @Test
  void unterminatedMacroIsLiteral() {
    assertThat(state.expand("100%{tx.a")).isEqualTo("100%{tx.a");
  }

  @Test
  void textWithoutMacrosIsReturnedAsIs() {
    String text = "no macros here";
    assertThat(state.expand(text)).isSameAs(text);
    assertThat(MacroTemplate.parse(text).hasMacros()).isFalse();
    assertThat(MacroTemplate.parse("a %{tx.b}").hasMacros()).isTrue();
  }

  @Test
  void templatesAreParsedOnceAndShared() {
    assertThat(MacroTemplate.of("%{tx.shared}")).isSameAs(MacroTemplate.of("%{tx.shared}"));
  }

  @Test
  void expandsAgainstAnyVariableStore() {
    VariableStore store =
        new VariableStore() {
          @Override
          public void collect(
              String variable,
              Optional<String> key,
              Optional<dev.tdeveloper.security.waf.regex.WafPattern> keyPattern,
              List<Target> out) {
            out.add(new Target(variable + ":" + key.orElse(""), key.orElse(""), variable + "!"));
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
    assertThat(MacroTemplate.parse("<%{geo.country_code}>").expand(store)).isEqualTo("<GEO!>");
  }
}
