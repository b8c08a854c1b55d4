package dev.tdeveloper.security.waf.body;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UrlEncodedProcessorTest {
  private static BodyResult parse(BodyProcessors processors, String body) {
    return processors
        .byName("URLENCODED")
        .orElseThrow()
        .process(body.getBytes(StandardCharsets.ISO_8859_1), "application/x-www-form-urlencoded");
  }

  @Test
  void argumentsAreDecodedInOrder() {
    BodyResult r = parse(BodyProcessors.defaults(), "a=1&b=x+y%21&a=2&flag");
    assertThat(r.args())
        .containsExactly(
            new Arg("a", "1"), new Arg("b", "x y!"), new Arg("a", "2"), new Arg("flag", ""));
    assertThat(r.flags()).containsEntry("URLENCODED_ERROR", 0);
    assertThat(r.error()).isEmpty();
  }

  @Test
  void anInvalidEscapeIsFlaggedAndKept() {
    BodyResult r = parse(BodyProcessors.defaults(), "q=100%&r=%zz");
    assertThat(r.args()).containsExactly(new Arg("q", "100%"), new Arg("r", "%zz"));
    assertThat(r.flags()).containsEntry("URLENCODED_ERROR", 1);
    assertThat(r.error()).isEmpty();
  }

  @Test
  void theSeparatorIsConfigurable() {
    BodyProcessors semicolon = BodyProcessors.of(new BodyProcessorConfig(';', 100, 100));
    assertThat(parse(semicolon, "a=1;b=2&c").args())
        .containsExactly(new Arg("a", "1"), new Arg("b", "2&c"));
  }

  @Test
  void encodedBytesStayBytes() {
    assertThat(parse(BodyProcessors.defaults(), "u=%C5%BC%00").args())
        .containsExactly(new Arg("u", "\u00c5\u00bc\u0000"));
  }

  @Test
  void aFewMegabytesOfArgumentsAreRead() {
    String body = "k=" + "v%41".repeat(1_000_000) + "&last=1";
    BodyResult r = parse(BodyProcessors.defaults(), body);
    assertThat(r.args()).hasSize(2);
    assertThat(r.args().get(0).value()).hasSize(2_000_000);
    assertThat(r.args().get(1)).isEqualTo(new Arg("last", "1"));
  }
}
