package dev.tdeveloper.observability.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.observability.Labels;
import java.util.List;
import org.junit.jupiter.api.Test;

class MatcherTest {
  private final Labels labels = Labels.of("alertname", "HighLatency", "tenant", "acme");

  @Test
  void regexesAreFullyAnchoredAsInAlertmanager() {
    assertThat(Matcher.regex("alertname", "High").matches(labels)).isFalse();
    assertThat(Matcher.regex("alertname", "High.*").matches(labels)).isTrue();
    assertThat(Matcher.regex("tenant", "acme|globex").matches(labels)).isTrue();
    assertThat(Matcher.notRegex("tenant", "ac").matches(labels)).isTrue();
  }

  @Test
  void aMissingLabelMatchesAsTheEmptyString() {
    assertThat(Matcher.notEqual("team", "db").matches(labels)).isTrue();
    assertThat(Matcher.equal("team", "").matches(labels)).isTrue();
    assertThat(Matcher.regex("team", ".+").matches(labels)).isFalse();
  }

  @Test
  void parsesAlertmanagersStringForm() {
    assertThat(Matcher.parse("tenant=\"acme\"")).isEqualTo(Matcher.equal("tenant", "acme"));
    assertThat(Matcher.parse("tenant != acme")).isEqualTo(Matcher.notEqual("tenant", "acme"));
    assertThat(Matcher.parse("a=~\"x\\\\d+\"")).isEqualTo(Matcher.regex("a", "x\\d+"));
    assertThat(Matcher.parse("a!~\"say \\\"hi\\\"\""))
        .isEqualTo(Matcher.notRegex("a", "say \"hi\""));
    assertThat(Matcher.parseList("{a=\"1\", b=~\"2|3\"}"))
        .containsExactly(Matcher.equal("a", "1"), Matcher.regex("b", "2|3"));
    assertThat(Matcher.parseList("a=\"1\",b!=2")).hasSize(2);
  }

  @Test
  void toStringParsesBackToTheSameMatcher() {
    for (Matcher m :
        List.of(
            Matcher.equal("a", "x\"y\\z"),
            Matcher.regex("b", "\\d+|a"),
            Matcher.notEqual("c", "1"))) {
      assertThat(Matcher.parse(m.toString())).isEqualTo(m);
    }
  }

  @Test
  void rejectsMalformedMatchersNamingTheText() {
    assertThatThrownBy(() -> Matcher.parse("=\"x\"")).hasMessageContaining("expected a label name");
    assertThatThrownBy(() -> Matcher.parse("a<\"x\""))
        .hasMessageContaining("expected one of =, !=, =~, !~");
    assertThatThrownBy(() -> Matcher.parse("a=\"x")).hasMessageContaining("unterminated");
    assertThatThrownBy(() -> Matcher.parseList("{a=\"x\""))
        .hasMessageContaining("missing closing '}'");
    assertThatThrownBy(() -> Matcher.regex("a", "["))
        .hasMessageContaining("matcher a: invalid regular expression '['");
  }
}
