package dev.tdeveloper.security.waf.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.security.waf.ByteStrings;
import dev.tdeveloper.security.waf.body.Arg;
import dev.tdeveloper.security.waf.body.BodyResult;
import dev.tdeveloper.security.waf.body.FilePart;
import dev.tdeveloper.security.waf.regex.WafPattern;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequestStateTest {
  private final ManualClock clock = new ManualClock();
  private final RequestState state =
      new RequestState("tenant-a", PersistentCollections.inMemory(clock), clock, clock);

  private List<Target> collect(String variable) {
    List<Target> out = new ArrayList<>();
    state.collect(variable, Optional.empty(), Optional.empty(), out);
    return out;
  }

  private List<Target> collect(String variable, String key) {
    List<Target> out = new ArrayList<>();
    state.collect(variable, Optional.of(key), Optional.empty(), out);
    return out;
  }

  private String single(String variable) {
    List<Target> out = collect(variable);
    assertThat(out).hasSize(1);
    assertThat(out.get(0).name()).isEqualTo(variable);
    return out.get(0).value();
  }

  @Test
  void derivesUriVariablesAsLibmodsecurity3() {
    state.setRequestLine("GET", "/a%20b/c%2Ephp?x=%41&y=1+2#frag", "HTTP/1.1");
    assertThat(single("REQUEST_METHOD")).isEqualTo("GET");
    assertThat(single("REQUEST_PROTOCOL")).isEqualTo("HTTP/1.1");
    assertThat(single("REQUEST_URI_RAW")).isEqualTo("/a%20b/c%2Ephp?x=%41&y=1+2#frag");
    assertThat(single("REQUEST_URI")).isEqualTo("/a b/c.php?x=A&y=1+2");
    assertThat(single("REQUEST_FILENAME")).isEqualTo("/a b/c.php");
    assertThat(single("PATH_INFO")).isEqualTo("/a b/c.php");
    assertThat(single("REQUEST_BASENAME")).isEqualTo("c.php");
    assertThat(single("QUERY_STRING")).isEqualTo("x=%41&y=1+2");
    assertThat(single("REQUEST_LINE")).isEqualTo("GET /a%20b/c%2Ephp?x=%41&y=1+2#frag HTTP/1.1");
  }

  @Test
  void requestUriDropsSchemeAndHostButRawKeepsThem() {
    state.setRequestLine("GET", "http://example.com/p?q=1", "HTTP/1.1");
    assertThat(single("REQUEST_URI")).isEqualTo("/p?q=1");
    assertThat(single("REQUEST_URI_RAW")).isEqualTo("http://example.com/p?q=1");
  }

  @Test
  void encodedQuestionMarkStaysInTheFilename() {
    state.setRequestLine("GET", "/path1%3fpath2?query=%3f", "HTTP/1.1");
    assertThat(single("REQUEST_FILENAME")).isEqualTo("/path1?path2");
    assertThat(single("REQUEST_BASENAME")).isEqualTo("path1?path2");
  }

  @Test
  void basenameSplitsOnBackslashToo() {
    state.setRequestLine("GET", "/dir\\file.txt", "HTTP/1.1");
    assertThat(single("REQUEST_BASENAME")).isEqualTo("file.txt");
  }

  @Test
  void queryArgumentsAreFormDecodedInOrder() {
    state.setRequestLine("GET", "/?id=1%27+or&b=&id=2&c", "HTTP/1.1");
    assertThat(collect("ARGS"))
        .containsExactly(
            new Target("ARGS:id", "id", "1' or"),
            new Target("ARGS:b", "b", ""),
            new Target("ARGS:id", "id", "2"),
            new Target("ARGS:c", "c", ""));
    assertThat(collect("ARGS_GET", "ID")).extracting(Target::value).containsExactly("1' or", "2");
    assertThat(collect("ARGS_NAMES"))
        .extracting(Target::value)
        .containsExactly("id", "b", "id", "c");
    assertThat(collect("ARGS_GET_NAMES").get(0).name()).isEqualTo("ARGS_GET_NAMES:id");
    assertThat(collect("ARGS_POST")).isEmpty();
    assertThat(single("ARGS_COMBINED_SIZE")).isEqualTo(String.valueOf(2 + 5 + 1 + 2 + 1 + 1));
  }

  @Test
  void argumentsSelectedByKeyRegex() {
    state.setRequestLine("GET", "/?id_a=1&id_b=2&other=3", "HTTP/1.1");
    List<Target> out = new ArrayList<>();
    state.collect("ARGS", Optional.empty(), Optional.of(WafPattern.compile("^id_")), out);
    assertThat(out).extracting(Target::key).containsExactly("id_a", "id_b");
  }

  @Test
  void urlEncodingErrorIsSetForAnInvalidEscapeInTheQuery() {
    state.setRequestLine("GET", "/?a=%zz", "HTTP/1.1");
    assertThat(single("URLENCODED_ERROR")).isEqualTo("1");
    state.setRequestLine("GET", "/?a=%41", "HTTP/1.1");
    assertThat(single("URLENCODED_ERROR")).isEmpty();
  }

  @Test
  void headersKeepOrderRepeatsAndCaseAsSent() {
    state.addRequestHeader("Host", "example.com:8080");
    state.addRequestHeader("User-Agent", "curl/8");
    state.addRequestHeader("X-Dup", "1");
    state.addRequestHeader("x-dup", "2");
    assertThat(collect("REQUEST_HEADERS"))
        .extracting(Target::name)
        .containsExactly(
            "REQUEST_HEADERS:Host",
            "REQUEST_HEADERS:User-Agent",
            "REQUEST_HEADERS:X-Dup",
            "REQUEST_HEADERS:x-dup");
    assertThat(collect("REQUEST_HEADERS", "user-agent"))
        .extracting(Target::value)
        .containsExactly("curl/8");
    assertThat(collect("REQUEST_HEADERS", "X-DUP"))
        .extracting(Target::value)
        .containsExactly("1", "2");
    assertThat(collect("REQUEST_HEADERS_NAMES").get(1))
        .isEqualTo(new Target("REQUEST_HEADERS_NAMES:User-Agent", "User-Agent", "User-Agent"));
    assertThat(single("SERVER_NAME")).isEqualTo("example.com");
    assertThat(state.requestHeader("HOST")).contains("example.com:8080");
  }

  @Test
  void cookiesParsedAsLibmodsecurity3() {
    state.addRequestHeader("Cookie", " a=1; b=x=y;;c; =skip; d=2 ");
    assertThat(collect("REQUEST_COOKIES"))
        .containsExactly(
            new Target("REQUEST_COOKIES:a", "a", "1"),
            new Target("REQUEST_COOKIES:b", "b", "x=y"),
            new Target("REQUEST_COOKIES:c", "c", ""),
            new Target("REQUEST_COOKIES:d", "d", "2"));
    assertThat(collect("REQUEST_COOKIES_NAMES"))
        .extracting(Target::value)
        .containsExactly("a", "b", "c", "d");
  }

  @Test
  void cookieValuesAreNeitherDecodedNorTrimmed() {
    state.addRequestHeader("cookie", "s=%27 x ;t=1");
    assertThat(collect("REQUEST_COOKIES", "S")).extracting(Target::value).containsExactly("%27 x ");
  }

  @Test
  void authorizationGivesAuthTypeAndRemoteUser() {
    String basic =
        java.util.Base64.getEncoder()
            .encodeToString("alice:secret".getBytes(StandardCharsets.UTF_8));
    state.addRequestHeader("Authorization", "Basic " + basic);
    assertThat(single("AUTH_TYPE")).isEqualTo("Basic");
    assertThat(single("REMOTE_USER")).isEqualTo("alice");
  }

  @Test
  void malformedBasicCredentialsGiveNoRemoteUser() {
    state.addRequestHeader("Authorization", "Basic !!!not-base64");
    assertThat(single("REMOTE_USER")).isEmpty();
  }

  @Test
  void connectionVariables() {
    state.setConnection("203.0.113.7", 40000, "10.0.0.1", 443);
    assertThat(single("REMOTE_ADDR")).isEqualTo("203.0.113.7");
    assertThat(single("REMOTE_HOST")).isEqualTo("203.0.113.7");
    assertThat(single("REMOTE_PORT")).isEqualTo("40000");
    assertThat(single("SERVER_ADDR")).isEqualTo("10.0.0.1");
    assertThat(single("SERVER_PORT")).isEqualTo("443");
  }

  @Test
  void contentTypeChoosesTheBodyProcessorAndCtlOverridesIt() {
    assertThat(state.requestBodyProcessor()).isEmpty();
    state.addRequestHeader("Content-Type", "Application/X-WWW-Form-Urlencoded; charset=utf-8");
    assertThat(single("REQBODY_PROCESSOR")).isEqualTo("URLENCODED");
    state.setRequestBodyProcessor("json");
    assertThat(state.requestBodyProcessor()).contains("JSON");
    assertThat(single("REQBODY_PROCESSOR")).isEqualTo("JSON");
  }

  @Test
  void bodyResultFillsPostArgumentsAfterGetOnes() {
    state.setRequestLine("POST", "/?g=1", "HTTP/1.1");
    byte[] body = "p=2&json=%7B".getBytes(StandardCharsets.ISO_8859_1);
    state.setRequestBody(
        body,
        new BodyResult(
            List.of(new Arg("p", "2"), new Arg("json", "{")),
            List.of(),
            Map.of(),
            Optional.empty(),
            Optional.empty()));
    assertThat(collect("ARGS"))
        .extracting(Target::name)
        .containsExactly("ARGS:g", "ARGS:p", "ARGS:json");
    assertThat(collect("ARGS_POST")).extracting(Target::value).containsExactly("2", "{");
    assertThat(collect("ARGS_POST_NAMES")).extracting(Target::value).containsExactly("p", "json");
    assertThat(single("REQUEST_BODY")).isEqualTo("p=2&json=%7B");
    assertThat(single("REQUEST_BODY_LENGTH")).isEqualTo("12");
    assertThat(single("REQBODY_ERROR")).isEqualTo("0");
    assertThat(single("REQBODY_ERROR_MSG")).isEmpty();
  }

  @Test
  void failedBodySetsReqbodyError() {
    state.setRequestBody(new byte[] {'{'}, BodyResult.failed("JSON parsing error: eof"));
    assertThat(single("REQBODY_ERROR")).isEqualTo("1");
    assertThat(single("REQBODY_PROCESSOR_ERROR")).isEqualTo("1");
    assertThat(single("REQBODY_ERROR_MSG")).isEqualTo("JSON parsing error: eof");
  }

  @Test
  void bodyBytesAreKeptAsByteStrings() {
    byte[] body = {(byte) 0xC3, (byte) 0xA9, 0, (byte) 0xFF};
    state.setRequestBody(body);
    assertThat(single("REQUEST_BODY")).isEqualTo(ByteStrings.of(body)).hasSize(4);
    assertThat(single("REQBODY_ERROR")).isEmpty();
  }

  @Test
  void multipartFilesAndFlags() {
    state.setRequestBody(
        new byte[0],
        new BodyResult(
            List.of(new Arg("title", "t")),
            List.of(
                new FilePart(
                    "up", "a.php", 10, List.of("Content-Disposition: form-data; name=\"up\"")),
                new FilePart("up2", "b.txt", 5, List.of())),
            Map.of("MULTIPART_STRICT_ERROR", 1, "MULTIPART_UNMATCHED_BOUNDARY", 0),
            Optional.empty(),
            Optional.empty()));
    assertThat(collect("FILES"))
        .containsExactly(
            new Target("FILES:up", "up", "a.php"), new Target("FILES:up2", "up2", "b.txt"));
    assertThat(collect("FILES_NAMES")).extracting(Target::value).containsExactly("up", "up2");
    assertThat(collect("FILES_SIZES", "up2")).extracting(Target::value).containsExactly("5");
    assertThat(collect("FILES_TMPNAMES")).isEmpty();
    assertThat(collect("MULTIPART_PART_HEADERS"))
        .extracting(Target::value)
        .containsExactly("Content-Disposition: form-data; name=\"up\"");
    assertThat(single("FILES_COMBINED_SIZE")).isEqualTo("15");
    assertThat(single("MULTIPART_STRICT_ERROR")).isEqualTo("1");
    assertThat(single("MULTIPART_UNMATCHED_BOUNDARY")).isEqualTo("0");
    assertThat(single("MULTIPART_DATA_AFTER")).isEmpty();
  }

  @Test
  void xmlSelectsThroughTheParsedBody() {
    state.setRequestBody(
        new byte[0],
        new BodyResult(
            List.of(),
            List.of(),
            Map.of(),
            Optional.empty(),
            Optional.of(xpath -> xpath.equals("/*") ? List.of("all text") : List.of())));
    assertThat(collect("XML", "/*")).containsExactly(new Target("XML:/*", "/*", "all text"));
    assertThat(collect("XML", "//@*")).isEmpty();
    assertThat(collect("XML")).extracting(Target::value).containsExactly("all text");
  }

  @Test
  void responseVariables() {
    state.setResponseStatus(404, "HTTP/1.1");
    state.addResponseHeader("Content-Type", "text/html; charset=UTF-8");
    state.setResponseBody("<h1>x</h1>".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(single("RESPONSE_STATUS")).isEqualTo("404");
    assertThat(single("RESPONSE_PROTOCOL")).isEqualTo("HTTP/1.1");
    assertThat(single("STATUS_LINE")).isEqualTo("HTTP/1.1 404");
    assertThat(single("RESPONSE_CONTENT_TYPE")).isEqualTo("text/html");
    assertThat(single("RESPONSE_BODY")).isEqualTo("<h1>x</h1>");
    assertThat(single("RESPONSE_CONTENT_LENGTH")).isEqualTo("10");
    assertThat(collect("RESPONSE_HEADERS_NAMES"))
        .extracting(Target::value)
        .containsExactly("Content-Type");
  }

  @Test
  void dataErrorsAreEmptyUntilSet() {
    assertThat(single("INBOUND_DATA_ERROR")).isEmpty();
    state.setInboundDataError(true);
    state.setOutboundDataError(false);
    assertThat(single("INBOUND_DATA_ERROR")).isEqualTo("1");
    assertThat(single("OUTBOUND_DATA_ERROR")).isEqualTo("0");
  }

  @Test
  void singleVariablesYieldOneEmptyValueBeforeTheRequestLine() {
    assertThat(single("REQUEST_URI")).isEmpty();
    assertThat(single("REQUEST_LINE")).isEmpty();
    assertThat(single("ARGS_COMBINED_SIZE")).isEqualTo("0");
  }

  @Test
  void derivedValuesFollowLaterChanges() {
    state.addRequestHeader("A", "1");
    assertThat(collect("REQUEST_HEADERS")).hasSize(1);
    state.addRequestHeader("B", "2");
    assertThat(collect("REQUEST_HEADERS")).hasSize(2);
  }
}
