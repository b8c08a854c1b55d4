package dev.tdeveloper.security.waf.body;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.security.waf.ByteStrings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XmlProcessorTest {
  private static final BodyProcessor XML = BodyProcessors.defaults().byName("XML").orElseThrow();

  private static BodyResult parse(String xml) {
    return XML.process(xml.getBytes(StandardCharsets.UTF_8), "text/xml");
  }

  private static XmlBody doc(String xml) {
    BodyResult r = parse(xml);
    assertThat(r.error()).isEmpty();
    return r.xml().orElseThrow();
  }

  @Test
  void rootSelectionGivesAllTextOfTheDocument() {
    XmlBody x = doc("<a>one<b>two</b><![CDATA[<three>]]><!-- no --><?pi no?></a>");
    assertThat(x.select("/*")).containsExactly("onetwo<three>");
  }

  @Test
  void xpathSelectsElementsAttributesAndScalars() {
    XmlBody x = doc("<r><i id=\"1\">a</i><i id=\"2\">b<j>c</j></i></r>");
    assertThat(x.select("/r/i")).containsExactly("a", "bc");
    assertThat(x.select("//@id")).containsExactly("1", "2");
    assertThat(x.select("count(//i)")).containsExactly("2");
    assertThat(x.select("/")).containsExactly("abc");
    assertThat(x.select("/nothing")).isEmpty();
    assertThat(x.select("not an xpath ((")).isEmpty();
    assertThat(x.select("/p:r")).isEmpty();
  }

  @Test
  void namespacedDocumentsAnswerRootSelection() {
    XmlBody x =
        doc(
            "<soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\">"
                + "<soap:Body><q>1' or '1'='1</q></soap:Body></soap:Envelope>");
    assertThat(x.select("/*")).containsExactly("1' or '1'='1");
  }

  @Test
  void textIsReturnedAsUtf8Bytes() {
    assertThat(doc("<a>żółć €</a>").select("/*")).containsExactly(ByteStrings.ofUtf8("żółć €"));
  }

  @Test
  void malformedXmlIsAnError() {
    BodyResult r = parse("<a><b></a>");
    assertThat(r.error()).get().asString().startsWith("XML parsing error: ");
    assertThat(r.xml()).isEmpty();
    assertThat(parse(" ").error()).isPresent();
    assertThat(parse("<a></a><b/>").error()).isPresent();
  }

  @Test
  void anEmptyBodyGivesNoDocumentAndNoError() {
    BodyResult r = parse("");
    assertThat(r.error()).isEmpty();
    assertThat(r.xml()).isEmpty();
  }

  @Test
  void externalEntityIsRefusedAndTheFileNeverRead(@TempDir Path dir) throws Exception {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "TOP-SECRET");
    BodyResult r =
        parse(
            "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \""
                + secret.toUri()
                + "\">]><a>&x;</a>");
    assertThat(r.error()).get().asString().startsWith("XML parsing error: ").contains("DOCTYPE");
    assertThat(r.xml()).isEmpty();
    assertThat(r.toString()).doesNotContain("TOP-SECRET");
  }

  @Test
  void externalDtdIsRefused() {
    assertThat(parse("<!DOCTYPE a SYSTEM \"http://127.0.0.1:1/evil.dtd\"><a/>").error())
        .isPresent();
  }

  @Test
  void billionLaughsIsRefused() {
    StringBuilder b = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [");
    b.append("<!ENTITY lol \"lol\">");
    for (int i = 1; i < 10; i++) {
      b.append("<!ENTITY lol").append(i).append(" \"");
      b.append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10));
      b.append("\">");
    }
    b.append("]><lolz>&lol9;</lolz>");
    BodyResult r = parse(b.toString());
    assertThat(r.error()).isPresent();
    assertThat(r.xml()).isEmpty();
  }

  @Test
  void xincludeIsNotProcessed() {
    XmlBody x =
        doc(
            "<a xmlns:xi=\"http://www.w3.org/2001/XInclude\">t"
                + "<xi:include href=\"file:///etc/passwd\" parse=\"text\"/></a>");
    assertThat(x.select("/*")).containsExactly("t");
  }

  @Test
  void nestingIsLimitedAsLibxml2Does() {
    String ok = "<a>".repeat(XmlProcessor.MAX_DEPTH) + "x" + "</a>".repeat(XmlProcessor.MAX_DEPTH);
    String deep = "<a>".repeat(100_000) + "</a>".repeat(100_000);
    assertThat(doc(ok).select("/*")).containsExactly("x");
    assertThat(parse(deep).error()).isPresent();
  }

  @Test
  void aFewMegabytesOfXmlAreRead() {
    String item = "<item id=\"1\">some text here</item>";
    String xml = "<items>" + item.repeat(100_000) + "</items>";
    assertThat(doc(xml).select("/*").get(0)).hasSize("some text here".length() * 100_000);
  }
}
