package dev.tdeveloper.security.waf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Waf#readsResponseHeaders()} is true for every way a rule can read a response header, so a
 * connector that skips them when it is false never changes a decision.
 */
class ResponseHeaderUseTest {
  private static final String BASE =
      "SecRuleEngine On\n"
          + "SecRule ARGS \"@contains attack\" \"id:1,phase:2,deny,status:403\"\n"
          + "SecRule RESPONSE_STATUS \"@eq 500\" \"id:2,phase:3,pass,msg:'status %{RESPONSE_STATUS}'\"\n"
          + "SecRule RESPONSE_BODY \"@contains secret\" \"id:3,phase:4,deny,status:500\"\n";

  @TempDir Path dir;

  private Waf waf(String extra) throws IOException {
    Path file = dir.resolve("rules-" + Integer.toHexString(extra.hashCode()) + ".conf");
    Files.writeString(file, BASE + extra, StandardCharsets.ISO_8859_1);
    return Waf.builder().ruleFile(file).build();
  }

  @Test
  void rulesThatNeverNameThemDoNotReadThem() throws IOException {
    assertThat(waf("").readsResponseHeaders()).isFalse();
  }

  @Test
  void everyWayOfNamingThemCounts() throws IOException {
    String[] readers = {
      "SecRule RESPONSE_HEADERS:Content-Type \"@contains html\" \"id:10,phase:3,deny\"\n",
      "SecRule response_headers_names \"@rx ^x-\" \"id:10,phase:3,deny\"\n",
      "SecRule &RESPONSE_HEADERS \"@gt 50\" \"id:10,phase:3,deny\"\n",
      "SecRule RESPONSE_CONTENT_TYPE \"@contains html\" \"id:10,phase:3,deny\"\n",
      "SecRule RESPONSE_STATUS \"@streq %{response_headers.x-status}\" \"id:10,phase:3,deny\"\n",
      "SecAction \"id:10,phase:3,pass,setvar:tx.ct=%{RESPONSE_HEADERS.content-type}\"\n",
      "SecRule RESPONSE_STATUS \"@eq 200\" \"id:10,phase:3,chain,deny\"\n"
          + "  SecRule RESPONSE_HEADERS:/^x-/ \"@contains bad\" \"t:none\"\n",
      "SecDefaultAction \"phase:3,log,pass,setvar:tx.ct=%{RESPONSE_CONTENT_TYPE}\"\n",
    };
    for (String reader : readers) {
      assertThat(waf(reader).readsResponseHeaders()).as(reader).isTrue();
    }
  }

  @Test
  void aRuleOnResponseHeadersStillDecides() throws IOException {
    Waf waf =
        waf(
            "SecRule RESPONSE_HEADERS:X-Leak \"@contains key\" \"id:10,phase:3,deny,status:502\"\n");
    WafTransaction tx = waf.newTransaction();
    tx.processUri("GET", "/", "HTTP/1.1");
    tx.processRequestHeaders();
    tx.processRequestBody();
    tx.addResponseHeader("X-Leak", "api key");
    tx.processResponseHeaders(200, "HTTP/1.1");
    assertThat(tx.interruption()).map(Interruption::status).contains(502);
  }

  @Test
  void theCrsReadsNone() {
    Waf crs = Waf.builder().crs(CrsInstall.crsDir(), CrsInstall.setupDir()).build();
    assertThat(crs.readsResponseHeaders()).isFalse();
  }
}
