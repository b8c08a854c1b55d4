package dev.tdeveloper.security.waf.regex;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The byte pairs and triples a match can start with, and that the test never rejects a match. */
class StartGramsTest {
  private static final String TRAVERSAL =
      "(?i)(?:\\x5c|(?:%(?:c0%af|2f|5c)|0x(?:2f|5c)|\\/))(?:%(?:2e|u002e)|\\.(?:%0[01]|\\?)?|\\?\\.?"
          + "|0x2e){2}(?:\\x5c|%2f|\\/)";
  private static final List<String> PATTERNS =
      List.of(
          TRAVERSAL,
          "(?:^|=)\\s*(?:ls|cat)[\\\\'\"]*(?:\\s|;|\\|)",
          "a?b{2,}(?=c)",
          "(?:x|y;)z*<",
          "\\b(?:ab|c)+\\.d",
          "^(?:GET|HEAD)$",
          "[%/]\\.?\\.",
          "(?:a|)(?:b|)(?:c|)(?:d|)x");

  private static StartGrams of(String pattern) {
    return StartGrams.of(PcreParser.parse(pattern).root());
  }

  @Test
  void traversalPatternRejectsSlashesFollowedByWords() {
    StartGrams g = of(TRAVERSAL);
    assertThat(g).isNotNull();
    assertThat(g.testsTriples()).isTrue();
    assertThat(g.pairCount()).isLessThan(200);
    assertThat(g.test("Mozilla/5.0 (X11; Linux x86_64) Gecko/20100101 Firefox/125.0")).isFalse();
    assertThat(g.test("/api/v1/notes?q=quarterly%20report")).isFalse();
    assertThat(g.test("text/html,*/*;q=0.8")).isFalse();
    assertThat(g.test("/a/../b")).isTrue();
    assertThat(g.test("%2F..")).isTrue();
    assertThat(g.test("x0X2e")).isTrue();
  }

  @Test
  void anchorsAndOptionalPartsAreReadConservatively() {
    StartGrams g = of("(?:^|=)\\s*cat");
    assertThat(g).isNotNull();
    assertThat(g.test("cat")).isTrue();
    assertThat(g.test("= cat")).isTrue();
    assertThat(g.test("dog")).isFalse();
  }

  @Test
  void wideOrUnknownStartsGiveNoCondition() {
    assertThat(of("\\w\\w\\w")).isNull();
    assertThat(of("(a)\\1b")).isNull();
    assertThat(of(".+x")).isNull();
    assertThat(of("(?:a|)x")).as("a match may be one byte long").isNull();
  }

  @Test
  void charsAboveAByteCountAsAnyByte() {
    assertThat(of("ab").test("\u0100b")).isTrue();
  }

  @Provide
  Arbitrary<String> inputs() {
    return Arbitraries.strings()
        .withChars("abcdxyzlstGETHAD=;|<>. \t'\"\\/%2e5fuCc0?")
        .ofMaxLength(12);
  }

  @Property(tries = 3000)
  void neverRejectsAMatch(@ForAll("inputs") String input) {
    for (String p : PATTERNS) {
      StartGrams g = of(p);
      if (g != null && !g.test(input)) {
        assertThat(WafPattern.compileBacktracking(p, 1_000_000L).find(input, null))
            .as(p + " on [" + input + "]")
            .isNotEqualTo(RegexOutcome.MATCHED);
      }
    }
  }
}
