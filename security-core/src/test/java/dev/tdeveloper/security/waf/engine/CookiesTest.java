package dev.tdeveloper.security.waf.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.security.waf.body.Arg;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CookiesTest {
  private static List<Arg> parse(String header) {
    List<Arg> out = new ArrayList<>();
    Cookies.parse(header, out);
    return out;
  }

  @Test
  void splitsOnSemicolonAndFirstEquals() {
    assertThat(parse("a=1;b=2=3")).containsExactly(new Arg("a", "1"), new Arg("b", "2=3"));
  }

  @Test
  void trimsLeadingNameWhitespaceOnly() {
    assertThat(parse("a=1; \tb = 2 ")).containsExactly(new Arg("a", "1"), new Arg("b ", " 2"));
  }

  @Test
  void skipsEmptyPairsAndEmptyNames() {
    assertThat(parse(";;  ;=x; =y;ok")).containsExactly(new Arg("ok", ""));
    assertThat(parse("")).isEmpty();
    assertThat(parse("   ")).isEmpty();
  }

  @Test
  void keepsNulsAndHighBytes() {
    assertThat(parse("n\u0000=\u00ff\u0000")).containsExactly(new Arg("n\u0000", "\u00ff\u0000"));
  }
}
