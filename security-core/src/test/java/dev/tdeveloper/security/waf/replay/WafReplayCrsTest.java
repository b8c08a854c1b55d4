package dev.tdeveloper.security.waf.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tdeveloper.security.waf.CrsInstall;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The tool on the installed CRS 3.3.4 at its default options (PL1, threshold 5, engine On). */
class WafReplayCrsTest {
  static final String HEADERS =
      "[[\"Host\",\"api.example.com\"],[\"User-Agent\",\"Mozilla/5.0 (X11; Linux x86_64)"
          + " Firefox/126.0\"],[\"Accept\",\"application/json\"]";

  static final String INPUT =
      "{\"id\":\"sqli\",\"family\":\"sqli\",\"method\":\"GET\","
          + "\"uri\":\"/notes?id=1%27%20or%20%271%27%3D%271\",\"headers\":"
          + HEADERS
          + "]}\n"
          + "{\"id\":\"benign\",\"method\":\"GET\","
          + "\"uri\":\"/notes?page=2&size=20&sort=created&q=hello%20world&lang=en\",\"headers\":"
          + HEADERS
          + "]}\n"
          + "{\"id\":\"benign-json\",\"method\":\"POST\",\"uri\":\"/notes\",\"headers\":"
          + HEADERS
          + ",[\"Content-Type\",\"application/json\"],[\"Content-Length\",\"34\"]],"
          + "\"body\":\"{\\\"title\\\":\\\"groceries\\\",\\\"done\\\":false}\"}\n";

  static int code;
  static List<JsonNode> lines = new ArrayList<>();
  static String err;

  @BeforeAll
  static void replay() throws IOException {
    Path crs = CrsInstall.crsDir();
    Path setup = CrsInstall.setupDir();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    code =
        WafReplay.run(
            new String[] {"--crs", crs.toString(), "--setup", setup.toString()},
            new ByteArrayInputStream(INPUT.getBytes(StandardCharsets.UTF_8)),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(errBytes, true, StandardCharsets.UTF_8));
    err = errBytes.toString(StandardCharsets.UTF_8);
    ObjectMapper json = new ObjectMapper();
    for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
      lines.add(json.readTree(line));
    }
  }

  static List<Long> matched(JsonNode line) {
    List<Long> ids = new ArrayList<>();
    line.get("matched").forEach(n -> ids.add(n.asLong()));
    return ids;
  }

  @Test
  void loadsTheWholeCrsAndReplaysEveryLine() {
    assertThat(err).contains(" rules from ");
    assertThat(code).as(err).isZero();
    assertThat(lines).hasSize(3);
  }

  @Test
  void anSqlInjectionIsDeniedByTheAnomalyScoreRule() {
    JsonNode sqli = lines.get(0);
    assertThat(sqli.get("id").asText()).isEqualTo("sqli");
    assertThat(sqli.get("decision").asText()).isEqualTo("deny");
    assertThat(sqli.get("status").asInt()).isEqualTo(403);
    assertThat(sqli.get("interruptingRule").asLong()).isEqualTo(949110);
    assertThat(sqli.get("inboundScore").asLong()).isGreaterThanOrEqualTo(5);
    assertThat(matched(sqli)).anyMatch(id -> id / 1000 == 942).contains(949110L);
    assertThat(sqli.get("errors")).isEmpty();
  }

  @Test
  void benignRequestsPassWithAZeroScore() {
    for (JsonNode benign : lines.subList(1, 3)) {
      assertThat(benign.get("decision").asText()).as(benign.toString()).isEqualTo("pass");
      assertThat(benign.get("inboundScore").asLong()).as(benign.toString()).isZero();
      assertThat(benign.get("matched")).as(benign.toString()).isEmpty();
      assertThat(benign.get("errors")).as(benign.toString()).isEmpty();
    }
  }
}
