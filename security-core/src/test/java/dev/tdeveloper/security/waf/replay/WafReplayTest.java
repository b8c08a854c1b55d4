package dev.tdeveloper.security.waf.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tool end to end on a small rule file of our own. */
class WafReplayTest {
  static final String RULES =
      """
      SecRuleEngine On
      SecRequestBodyAccess On
      SecDefaultAction "phase:2,log,auditlog,deny,status:403"
      SecRule REQUEST_HEADERS:X-Trip "@streq deny" "id:10,phase:1,deny,status:406,msg:'deny'"
      SecRule REQUEST_HEADERS:X-Trip "@streq drop" "id:11,phase:1,drop,msg:'drop'"
      SecRule REQUEST_HEADERS:X-Trip "@streq redirect" \\
          "id:12,phase:1,redirect:http://example.org/blocked,msg:'redirect'"
      SecRule ARGS:q "@rx evil" "id:20,phase:2,block,msg:'evil'"
      SecRule ARGS:score "@streq 7" "id:21,phase:2,pass,log,setvar:tx.anomaly_score=+7"
      SecRule ARGS:quiet "@streq 1" "id:22,phase:2,pass,nolog"
      SecRule REMOTE_ADDR "@ipMatch 198.51.100.7" "id:30,phase:1,pass,log,msg:'addr'"
      SecRule TX:paranoia_level "@eq 3" "id:40,phase:1,pass,log,msg:'pl3'"
      SecRule TX:inbound_anomaly_score_threshold "@eq 12" "id:41,phase:1,pass,log,msg:'t12'"
      SecRule REQUEST_PROTOCOL "@streq HTTP/1.0" "id:42,phase:1,pass,log,msg:'1.0'"
      SecRule ARGS_GET:u "@streq c3a9" "id:43,phase:1,pass,log,t:hexEncode,msg:'utf8'"
      SecRule REQUEST_BODY "@streq 00ff80" "id:44,phase:2,pass,log,t:hexEncode,msg:'bytes'"
      """;

  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  Path rules;

  record Outcome(int code, List<JsonNode> lines, String err) {
    JsonNode line(int i) {
      return lines.get(i);
    }
  }

  @BeforeEach
  void writeRules() throws IOException {
    rules = dir.resolve("rules.conf");
    Files.writeString(rules, RULES, StandardCharsets.ISO_8859_1);
  }

  Outcome replay(String input, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        WafReplay.run(
            args,
            new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    List<JsonNode> lines = new ArrayList<>();
    for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
      if (!line.isEmpty()) {
        try {
          lines.add(JSON.readTree(line));
        } catch (IOException e) {
          throw new UncheckedIOException(line, e);
        }
      }
    }
    return new Outcome(code, lines, err.toString(StandardCharsets.UTF_8));
  }

  Outcome replayOwnRules(String input, String... extra) {
    String[] args =
        Stream.concat(Stream.of("--no-crs", "--rules", rules.toString()), Stream.of(extra))
            .toArray(String[]::new);
    return replay(input, args);
  }

  static String get(String id, String uri, String headers) {
    return "{\"id\":\""
        + id
        + "\",\"method\":\"GET\",\"uri\":\""
        + uri
        + "\",\"headers\":["
        + headers
        + "]}\n";
  }

  @Test
  void aBenignRequestPassesWithNoMatches() {
    Outcome o = replayOwnRules(get("ok", "/notes?q=hello", "[\"Host\",\"a.example\"]"));
    assertThat(o.code()).isEqualTo(WafReplay.EXIT_OK);
    assertThat(o.line(0).toString())
        .isEqualTo(
            "{\"line\":1,\"id\":\"ok\",\"matched\":[],\"inboundScore\":0,\"decision\":\"pass\","
                + "\"status\":null,\"interruptingRule\":null,\"detected\":null,\"errors\":[]}");
  }

  @Test
  void aPhaseOneDenyGivesItsStatusAndRule() {
    JsonNode r = replayOwnRules(get("d", "/", "[\"X-Trip\",\"deny\"]")).line(0);
    assertThat(r.get("decision").asText()).isEqualTo("deny");
    assertThat(r.get("status").asInt()).isEqualTo(406);
    assertThat(r.get("interruptingRule").asLong()).isEqualTo(10);
    assertThat(r.get("matched").toString()).isEqualTo("[10]");
  }

  @Test
  void dropAndRedirectAreReportedAsSuch() {
    Outcome o =
        replayOwnRules(
            get("a", "/", "[\"X-Trip\",\"drop\"]") + get("b", "/", "[\"X-Trip\",\"redirect\"]"));
    assertThat(o.line(0).get("decision").asText()).isEqualTo("drop");
    assertThat(o.line(0).get("interruptingRule").asLong()).isEqualTo(11);
    assertThat(o.line(1).get("decision").asText()).isEqualTo("redirect");
    assertThat(o.line(1).get("status").asInt()).isEqualTo(302);
    assertThat(o.line(1).get("redirectUrl").asText()).isEqualTo("http://example.org/blocked");
  }

  @Test
  void aFormBodyIsInspectedInPhaseTwo() {
    String post =
        "{\"method\":\"POST\",\"uri\":\"/form\",\"headers\":[[\"Content-Type\","
            + "\"application/x-www-form-urlencoded\"]],\"body\":\"q=evil\"}\n";
    JsonNode r = replayOwnRules(post).line(0);
    assertThat(r.get("decision").asText()).isEqualTo("deny");
    assertThat(r.get("status").asInt()).isEqualTo(403);
    assertThat(r.get("interruptingRule").asLong()).isEqualTo(20);
    assertThat(r.get("id").isNull()).isTrue();
  }

  @Test
  void aBase64BodyArrivesAsRawBytes() {
    String post = "{\"method\":\"POST\",\"uri\":\"/upload\",\"bodyBase64\":\"AP+A\"}\n";
    assertThat(replayOwnRules(post).line(0).get("matched").toString()).isEqualTo("[44]");
  }

  @Test
  void aUnicodeUriIsSentAsUtf8() {
    assertThat(replayOwnRules(get("u", "/?u=\u00e9", "")).line(0).get("matched").toString())
        .isEqualTo("[43]");
  }

  @Test
  void reportsTheInboundScoreAndLeavesNologRulesOut() {
    JsonNode r = replayOwnRules(get("s", "/?score=7&quiet=1", "")).line(0);
    assertThat(r.get("inboundScore").asLong()).isEqualTo(7);
    assertThat(r.get("matched").toString()).isEqualTo("[21]");
  }

  @Test
  void passesRemoteAddrVersionParanoiaAndThreshold() {
    String line =
        "{\"method\":\"GET\",\"uri\":\"/\",\"version\":\"HTTP/1.0\",\"remoteAddr\":\"198.51.100.7\"}\n";
    JsonNode r = replayOwnRules(line, "--paranoia", "3", "--threshold", "12").line(0);
    assertThat(r.get("matched").toString()).isEqualTo("[30,40,41,42]");
  }

  @Test
  void detectionOnlyPassesAndSaysWhatWouldHaveHappened() {
    JsonNode r =
        replayOwnRules(get("d", "/", "[\"X-Trip\",\"deny\"]"), "--mode", "DetectionOnly").line(0);
    assertThat(r.get("decision").asText()).isEqualTo("pass");
    assertThat(r.get("status").isNull()).isTrue();
    assertThat(r.get("detected").toString())
        .isEqualTo("{\"decision\":\"deny\",\"status\":406,\"interruptingRule\":10}");
  }

  @Test
  void aMalformedLineGivesAnErrorLineAndTheRunGoesOn() {
    Outcome o =
        replayOwnRules(
            get("first", "/", "")
                + "\n"
                + "{\"method\":\"GET\",\"uri\":\"/\",\"headers\":[[\"Host\"]]}\n"
                + "not json\n"
                + get("last", "/", "[\"X-Trip\",\"deny\"]"));
    assertThat(o.code()).isEqualTo(WafReplay.EXIT_MALFORMED);
    assertThat(o.lines()).hasSize(4);
    assertThat(o.line(0).get("id").asText()).isEqualTo("first");
    assertThat(o.line(1).toString())
        .isEqualTo(
            "{\"line\":3,\"field\":\"headers[0]\",\"error\":\"expected [name, value], two"
                + " strings\"}");
    assertThat(o.line(2).get("line").asInt()).isEqualTo(4);
    assertThat(o.line(2).get("field").asText()).isEqualTo("json");
    assertThat(o.line(3).get("id").asText()).isEqualTo("last");
    assertThat(o.line(3).get("line").asInt()).isEqualTo(5);
    assertThat(o.err()).contains("line 3: headers[0]: ").contains("line 4: json: ");
  }

  @Test
  void readsTheInputFileGivenAsArgument() throws IOException {
    Path input = dir.resolve("requests.jsonl");
    Files.writeString(input, get("f", "/", "[\"X-Trip\",\"deny\"]"), StandardCharsets.UTF_8);
    Outcome o = replayOwnRules("", input.toString());
    assertThat(o.code()).isZero();
    assertThat(o.line(0).get("interruptingRule").asLong()).isEqualTo(10);
  }

  @Test
  void escapesNonAsciiInTheOutput() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    WafReplay.run(
        new String[] {"--no-crs", "--rules", rules.toString()},
        new ByteArrayInputStream(
            "{\"id\":\"caf\u00e9\",\"method\":\"GET\",\"uri\":\"/\"}\n"
                .getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    assertThat(out.toString(StandardCharsets.ISO_8859_1)).contains("\"id\":\"caf\\u00E9\"");
  }

  @Test
  void aRuleFileThatDoesNotLoadExitsWithItsFileAndLine() throws IOException {
    Path bad = dir.resolve("bad.conf");
    Files.writeString(bad, "SecRule ARGS \"@nope x\" \"id:1,phase:1,pass\"\n");
    Outcome o = replay("", "--no-crs", "--rules", bad.toString());
    assertThat(o.code()).isEqualTo(WafReplay.EXIT_FAILURE);
    assertThat(o.err()).contains("cannot load rules: ").contains(bad + ":1:");
    assertThat(o.lines()).isEmpty();
  }

  @Test
  void aMissingCrsDirectoryExitsWithFailure() {
    Outcome o = replay("", "--crs", dir.resolve("nothing").toString(), "--setup", dir.toString());
    assertThat(o.code()).isEqualTo(WafReplay.EXIT_FAILURE);
    assertThat(o.err()).contains("cannot load rules: ");
  }

  @Test
  void extraRuleFilesLoadAfterEachOther() throws IOException {
    Path more = dir.resolve("more.conf");
    Files.writeString(more, "SecRule ARGS:x \"@streq 1\" \"id:99,phase:1,pass,log\"\n");
    Outcome o =
        replay(
            get("x", "/?x=1", ""),
            "--no-crs",
            "--rules",
            rules.toString(),
            "--rules",
            more.toString());
    assertThat(o.line(0).get("matched").toString()).isEqualTo("[99]");
    assertThat(o.err()).contains("waf-replay: ").contains(" rules from 2 files in ");
  }
}
