package dev.tdeveloper.web.waf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.security.waf.Waf;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The builder's discipline: the WAF required, each setting once, bad values named. */
class WafFilterBuilderTest {
  @TempDir Path dir;

  Waf waf() throws Exception {
    Path rules = dir.resolve("r.conf");
    Files.writeString(rules, "SecRule ARGS \"@contains x\" \"id:1,phase:2,deny\"\n");
    return Waf.builder().ruleFile(rules).build();
  }

  @Test
  void requiresAWaf() {
    assertThatThrownBy(() -> WafFilter.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("waf is required");
  }

  @Test
  void refusesRepeatedSettings() throws Exception {
    Waf waf = waf();
    assertThatThrownBy(() -> WafFilter.builder().waf(waf).waf(waf))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> WafFilter.builder().exposeRuleIds(true).exposeRuleIds(false))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> WafFilter.builder().responseBodyLimit(5).responseBodyLimit(6))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(
            () ->
                WafFilter.builder()
                    .policyResolver(r -> Optional.empty())
                    .policyResolver(r -> Optional.empty()))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void refusesNullsAndAResponseLimitBelowOneByte() {
    assertThatThrownBy(() -> WafFilter.builder().waf(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("waf");
    assertThatThrownBy(() -> WafFilter.builder().listener(null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> WafFilter.builder().responseBodyLimit(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("responseBodyLimit")
        .hasMessageContaining("0");
  }

  @Test
  void buildsWithDefaults() throws Exception {
    assertThat(WafFilter.builder().waf(waf()).build().toString())
        .isEqualTo("WafFilter[rules=1, exposeRuleIds=false]");
  }
}
