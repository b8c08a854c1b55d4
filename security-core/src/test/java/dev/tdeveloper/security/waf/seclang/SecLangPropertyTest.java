package dev.tdeveloper.security.waf.seclang;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.security.waf.WafException;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever the input, the parser answers a rule set or a WafException, never anything else. */
class SecLangPropertyTest {
  private static final List<String> PIECES =
      List.of(
          "SecRule",
          "SecAction",
          "SecMarker",
          "SecDefaultAction",
          "SecRuleEngine",
          "SecRuleRemoveById",
          "SecRuleUpdateTargetById",
          "SecRuleUpdateActionById",
          "Include",
          "IncludeOptional",
          "ARGS",
          "!ARGS:",
          "&TX",
          "XML:/*",
          "REQUEST_HEADERS:'",
          "|",
          ":",
          "/",
          "'",
          "\"",
          "\\",
          "\\\n",
          "\n",
          "\r\n",
          " ",
          "\t",
          "#",
          ",",
          "@rx",
          "!@",
          "@pm",
          "@detectSQLi",
          "id:",
          "1",
          "99",
          "-",
          "phase:",
          "chain",
          "deny",
          "pass",
          "t:",
          "none",
          "ctl:",
          "ruleRemoveById=",
          "setvar:",
          "tx.a=+1",
          "msg:",
          "skipAfter:",
          "END",
          "%{",
          "}",
          "=",
          "On",
          "\u0000",
          "\u00ff",
          "*",
          "?",
          "[",
          "{");

  @Provide
  Arbitrary<String> seclangish() {
    Arbitrary<String> piece = Arbitraries.of(PIECES);
    Arbitrary<String> noise = Arbitraries.strings().ofMaxLength(4);
    return Arbitraries.oneOf(piece, piece, piece, noise)
        .list()
        .ofMaxSize(40)
        .map(l -> String.join("", l));
  }

  @Property(tries = 3000)
  void garbageNeverThrowsAnythingButWafException(@ForAll("seclangish") String text) {
    try {
      RuleSet set =
          new SecLangParser().parse(text, "g.conf", Path.of("/nonexistent-dir-for-includes"));
      assertThat(set.rulesPerFile()).containsKey("g.conf");
    } catch (WafException e) {
      assertThat(e.getMessage()).startsWith("g.conf:").contains("; allowed: ");
    }
  }

  @Property(tries = 1000)
  void arbitraryStringsNeverThrowAnythingButWafException(@ForAll String text) {
    try {
      new SecLangParser().parse(text, "g.conf", Path.of("/nonexistent-dir-for-includes"));
    } catch (WafException e) {
      assertThat(e.getMessage()).startsWith("g.conf:");
    }
  }
}
