package dev.tdeveloper.cost.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;

class MarkupTest {
  private static String readBack(String escaped) throws Exception {
    String xml = "<t a=\"" + escaped + "\">" + escaped + "</t>";
    return DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
        .getDocumentElement()
        .getTextContent();
  }

  @Test
  void markupCharactersReadBackUnchangedFromXml() throws Exception {
    String hostile = "<script>alert(1)</script> &\"' caf\u00e9 \uD83D\uDCB8";
    assertThat(Markup.esc(hostile)).doesNotContain("<").doesNotContain("\"");
    assertThat(readBack(Markup.esc(hostile))).isEqualTo(hostile);
  }

  @Test
  void charactersXmlForbidsBecomeReplacementCharacters() throws Exception {
    String bad = "a\u0001b\uD800c\uDC00d\uFFFF";
    assertThat(readBack(Markup.esc(bad))).isEqualTo("a\uFFFDb\uFFFDc\uFFFDd\uFFFD");
    assertThat(Markup.esc("tab\tnew\nline")).isEqualTo("tab\tnew\nline");
  }

  @Test
  void shortenCutsOnCodePointsWithAnEllipsis() {
    assertThat(Svg.shorten("abcdef", 4)).isEqualTo("abc\u2026");
    assertThat(Svg.shorten("\uD83D\uDCB8\uD83D\uDCB8\uD83D\uDCB8", 2))
        .isEqualTo("\uD83D\uDCB8\u2026");
    assertThat(Svg.shorten("abc", 3)).isEqualTo("abc");
  }

  @Test
  void axisTicksAreNiceExactStepsCoveringTheMaximum() {
    assertThat(Svg.ticks(34.04))
        .extracting(java.math.BigDecimal::toPlainString)
        .containsExactly("0", "10", "20", "30", "40");
    assertThat(Svg.ticks(0)).hasSize(2);
    assertThat(Svg.ticks(0.07).get(Svg.ticks(0.07).size() - 1).doubleValue())
        .isGreaterThanOrEqualTo(0.07);
  }
}
