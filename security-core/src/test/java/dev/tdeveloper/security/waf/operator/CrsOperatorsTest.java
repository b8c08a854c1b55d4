package dev.tdeveloper.security.waf.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.security.waf.CrsInstall;
import dev.tdeveloper.security.waf.seclang.Location;
import dev.tdeveloper.security.waf.seclang.OperatorRef;
import dev.tdeveloper.security.waf.seclang.SecLangNames;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every non-regex operator CRS 3.3.4 writes compiles. A rough extraction of {@code SecRule VARS
 * "@op param"} from each line (the real parser lives in {@code waf.seclang}); {@code @rx} is the
 * regex layer's business and {@code @detectSQLi}/{@code @detectXSS} libinjection's.
 */
class CrsOperatorsTest {
  private static final Pattern RULE =
      Pattern.compile("^\\s*SecRule\\s+\\S+\\s+\"(!?)@(\\w+)(?: ([^\"]*))?\"");
  private static final Set<String> ELSEWHERE = Set.of("rx", "detectSQLi", "detectXSS");

  @Test
  void everyCrsOperatorButRegexAndLibinjectionCompiles() throws IOException {
    Path rules = CrsInstall.rulesDir();
    List<Path> files;
    try (var stream = Files.list(rules)) {
      files = stream.filter(p -> p.toString().endsWith(".conf")).sorted().toList();
    }
    Map<String, Integer> counts = new TreeMap<>();
    for (Path file : files) {
      List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
      for (int i = 0; i < lines.size(); i++) {
        Matcher m = RULE.matcher(lines.get(i));
        if (!m.find() || ELSEWHERE.contains(m.group(2))) {
          continue;
        }
        String name = SecLangNames.OPERATOR_ALIASES.getOrDefault(m.group(2), m.group(2));
        String param = m.group(3) == null ? "" : m.group(3);
        OperatorRef ref = new OperatorRef(name, param, !m.group(1).isEmpty());
        Location at = new Location(file.getFileName().toString(), i + 1);
        Operator op =
            Operators.create(
                ref, new OperatorEnv(at, rules, GeoLookup.none(), DnsBlocklist.none()));
        op.evaluate(new RecordingContext(), "GET /index.php?id=1 HTTP/1.1");
        counts.merge(name, 1, Integer::sum);
      }
    }
    assertThat(counts.keySet())
        .contains("pm", "pmFromFile", "eq", "ge", "gt", "lt", "within", "streq", "endsWith");
    assertThat(counts.keySet())
        .contains("ipMatch", "validateByteRange", "validateUrlEncoding", "validateUtf8Encoding");
    assertThat(counts.keySet()).contains("geoLookup", "rbl", "contains");
    assertThat(counts.values().stream().mapToInt(Integer::intValue).sum()).isGreaterThan(400);
  }
}
