package dev.tdeveloper.security.waf.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReplayReaderTest {

  private static ReplayFormatException error(String json) {
    try {
      ReplayReader.parse(7, json);
    } catch (ReplayFormatException e) {
      return e;
    }
    throw new AssertionError("no error for " + json);
  }

  @Test
  void readsEveryField() {
    ReplayRequest r =
        ReplayReader.parse(
            3,
            "{\"id\":\"sqli-1\",\"method\":\"POST\",\"uri\":\"/notes?a=1\",\"version\":\"HTTP/2.0\","
                + "\"headers\":[[\"Host\",\"api.example\"],[\"X-A\",\"1\"],[\"X-A\",\"2\"]],"
                + "\"body\":\"q=1\",\"remoteAddr\":\"198.51.100.7\"}");
    assertThat(r.line()).isEqualTo(3);
    assertThat(r.id()).contains("sqli-1");
    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.uri()).isEqualTo("/notes?a=1");
    assertThat(r.version()).isEqualTo("HTTP/2.0");
    assertThat(r.headers())
        .containsExactly(
            new ReplayRequest.Header("Host", "api.example"),
            new ReplayRequest.Header("X-A", "1"),
            new ReplayRequest.Header("X-A", "2"));
    assertThat(r.body()).isEqualTo("q=1");
    assertThat(r.remoteAddr()).contains("198.51.100.7");
  }

  @Test
  void appliesDefaultsForOptionalFields() {
    ReplayRequest r = ReplayReader.parse(1, "{\"method\":\"GET\",\"uri\":\"/\"}");
    assertThat(r.id()).isEmpty();
    assertThat(r.version()).isEqualTo("HTTP/1.1");
    assertThat(r.headers()).isEmpty();
    assertThat(r.body()).isEmpty();
    assertThat(r.remoteAddr()).isEmpty();
  }

  @Test
  void takesNullAsAbsent() {
    ReplayRequest r =
        ReplayReader.parse(
            1,
            "{\"method\":\"GET\",\"uri\":\"/\",\"id\":null,\"version\":null,\"headers\":null,"
                + "\"body\":null,\"bodyBase64\":null,\"remoteAddr\":null}");
    assertThat(r.version()).isEqualTo("HTTP/1.1");
    assertThat(r.id()).isEmpty();
  }

  @Test
  void sendsTextAsUtf8Bytes() {
    ReplayRequest r =
        ReplayReader.parse(
            1,
            "{\"method\":\"GET\",\"uri\":\"/?q=\u00e9\",\"headers\":[[\"X-N\",\"\u20ac\"]],"
                + "\"body\":\"\u00e9\"}");
    assertThat(r.uri()).isEqualTo("/?q=\u00c3\u00a9");
    assertThat(r.headers().get(0).value()).isEqualTo("\u00e2\u0082\u00ac");
    assertThat(r.bodyBytes()).containsExactly(0xc3, 0xa9);
  }

  @Test
  void decodesABase64BodyToRawBytes() {
    ReplayRequest r =
        ReplayReader.parse(1, "{\"method\":\"POST\",\"uri\":\"/\",\"bodyBase64\":\"AP+A\"}");
    assertThat(r.bodyBytes()).containsExactly(0x00, 0xff, 0x80);
  }

  @Test
  void acceptsAnIntegerIdAsText() {
    assertThat(ReplayReader.parse(1, "{\"id\":42,\"method\":\"GET\",\"uri\":\"/\"}").id())
        .isEqualTo(Optional.of("42"));
  }

  @Test
  void ignoresTheCorpusAnnotations() {
    ReplayRequest r =
        ReplayReader.parse(
            1,
            "{\"method\":\"GET\",\"uri\":\"/\",\"family\":\"sqli\",\"expect\":[942100,949110],"
                + "\"note\":{\"any\":\"shape\"}}");
    assertThat(r.method()).isEqualTo("GET");
  }

  @Test
  void acceptsIpv6RemoteAddresses() {
    assertThat(
            ReplayReader.parse(
                    1, "{\"method\":\"GET\",\"uri\":\"/\",\"remoteAddr\":\"2001:db8::1\"}")
                .remoteAddr())
        .contains("2001:db8::1");
  }

  @Test
  void skipsBlankLinesOnly() {
    assertThat(ReplayReader.isBlank("  \t")).isTrue();
    assertThat(ReplayReader.isBlank("{}")).isFalse();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"method\":\"GET\",\"uri\":\"/\"                          | json",
        "[1,2]                                                        | json",
        "\"GET /\"                                                    | json",
        "{\"method\":\"GET\",\"uri\":\"/\"} {}                        | json",
        "{\"method\":\"GET\",\"uri\":\"/\",\"uri\":\"/x\"}            | json",
        "{\"uri\":\"/\"}                                              | method",
        "{\"method\":7,\"uri\":\"/\"}                                 | method",
        "{\"method\":\"\",\"uri\":\"/\"}                              | method",
        "{\"method\":\"G ET\",\"uri\":\"/\"}                          | method",
        "{\"method\":\"GET\"}                                         | uri",
        "{\"method\":\"GET\",\"uri\":\"\"}                            | uri",
        "{\"method\":\"GET\",\"uri\":\"/\",\"version\":\"\"}          | version",
        "{\"method\":\"GET\",\"uri\":\"/\",\"version\":1.1}           | version",
        "{\"method\":\"GET\",\"uri\":\"/\",\"headers\":{\"a\":\"b\"}} | headers",
        "{\"method\":\"GET\",\"uri\":\"/\",\"headers\":[[\"a\",\"b\"],[\"c\"]]}     | headers[1]",
        "{\"method\":\"GET\",\"uri\":\"/\",\"headers\":[[\"a\",1]]}   | headers[0]",
        "{\"method\":\"GET\",\"uri\":\"/\",\"headers\":[[\"\",\"b\"]]} | headers[0]",
        "{\"method\":\"GET\",\"uri\":\"/\",\"headers\":[\"a: b\"]}    | headers[0]",
        "{\"method\":\"GET\",\"uri\":\"/\",\"body\":{}}               | body",
        "{\"method\":\"GET\",\"uri\":\"/\",\"bodyBase64\":\"**\"}     | bodyBase64",
        "{\"method\":\"GET\",\"uri\":\"/\",\"body\":\"a\",\"bodyBase64\":\"YQ==\"} | bodyBase64",
        "{\"method\":\"GET\",\"uri\":\"/\",\"remoteAddr\":\"host.example\"} | remoteAddr",
        "{\"method\":\"GET\",\"uri\":\"/\",\"remoteAddr\":\"1.2.3.256\"} | remoteAddr",
        "{\"method\":\"GET\",\"uri\":\"/\",\"id\":1.5}                | id",
        "{\"method\":\"GET\",\"uri\":\"/\",\"id\":[\"a\"]}            | id",
        "{\"method\":\"GET\",\"uri\":\"/\",\"Method\":\"GET\"}        | Method",
      })
  void namesTheLineAndTheFieldOfAMalformedLine(String json, String field) {
    ReplayFormatException e = error(json.strip());
    assertThat(e.line()).isEqualTo(7);
    assertThat(e.field()).isEqualTo(field);
    assertThat(e.getMessage()).startsWith("line 7: " + field + ": ");
  }

  @Test
  void listsTheAllowedFieldsForAnUnknownOne() {
    assertThat(error("{\"method\":\"GET\",\"uri\":\"/\",\"query\":\"a\"}").problem())
        .isEqualTo(
            "unknown field; allowed: body, bodyBase64, expect, family, headers, id, method, note,"
                + " remoteAddr, uri, version");
  }

  @Test
  void rejectsAnEmptyLineOfJsonWithoutThrowingAnythingElse() {
    assertThatThrownBy(() -> ReplayReader.parse(2, ""))
        .isInstanceOf(ReplayFormatException.class)
        .hasMessageStartingWith("line 2: json: ");
  }
}
