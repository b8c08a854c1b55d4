package dev.tdeveloper.compliance.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The hand-written checks of {@link EventSyntax} accept exactly what their regexes match. */
class EventSyntaxPropertyTest {
  private static final Pattern ACTION = Pattern.compile("[a-z][a-z0-9]*(?:[._-][a-z0-9]+)*");
  private static final Pattern DETAIL_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9._-]*");
  private static final Pattern IP = Pattern.compile("[0-9A-Fa-f:.]+(?:%[A-Za-z0-9._-]+)?");
  private static final Pattern IP_OR_PSEUDONYM = Pattern.compile("[A-Za-z0-9._:+/=~%-]+");

  /** Every character class the patterns tell apart, and some they all refuse. */
  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.strings()
        .withChars("azAFgZ09.:_-%+/=~ \u00e9\u0000\n@")
        .ofMinLength(0)
        .ofMaxLength(12);
  }

  @Property(tries = 3000)
  void action(@ForAll("texts") String s) {
    assertThat(EventSyntax.isAction(s)).as(s).isEqualTo(ACTION.matcher(s).matches());
  }

  @Property(tries = 3000)
  void detailKey(@ForAll("texts") String s) {
    assertThat(EventSyntax.isDetailKey(s)).as(s).isEqualTo(DETAIL_KEY.matcher(s).matches());
  }

  @Property(tries = 3000)
  void ipLiteral(@ForAll("texts") String s) {
    assertThat(EventSyntax.isIpLiteral(s)).as(s).isEqualTo(IP.matcher(s).matches());
  }

  @Property(tries = 3000)
  void ipOrPseudonym(@ForAll("texts") String s) {
    assertThat(EventSyntax.isIpOrPseudonym(s))
        .as(s)
        .isEqualTo(IP_OR_PSEUDONYM.matcher(s).matches());
  }

  @Example
  void theEdgesEachPatternDecides() {
    for (String s :
        new String[] {
          "",
          "a",
          "a.",
          "a..b",
          "a.b_c-d",
          "http.get",
          "9a",
          "a-",
          "fe80::1%eth0",
          "fe80::1%",
          "%eth0",
          "10.0.0.1",
          "::1",
          "psn_abc",
          "A",
          "a%b",
          "G1",
          "a.b%c.d"
        }) {
      assertThat(EventSyntax.isAction(s)).as(s).isEqualTo(ACTION.matcher(s).matches());
      assertThat(EventSyntax.isDetailKey(s)).as(s).isEqualTo(DETAIL_KEY.matcher(s).matches());
      assertThat(EventSyntax.isIpLiteral(s)).as(s).isEqualTo(IP.matcher(s).matches());
      assertThat(EventSyntax.isIpOrPseudonym(s))
          .as(s)
          .isEqualTo(IP_OR_PSEUDONYM.matcher(s).matches());
    }
  }
}
