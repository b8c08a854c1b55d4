package dev.tdeveloper.security.waf.regex;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every {@code @rx} of CRS 3.3.4 compiles, and docs/waf-regex.md lists exactly the fallbacks. */
class CrsRegexTest {
  private static final String START = "<!-- fallback-table:start -->";
  private static final String END = "<!-- fallback-table:end -->";

  @Test
  void everyCrsPatternCompilesAndMostRunInLinearTime() {
    List<CrsPatterns.CrsPattern> all = CrsPatterns.all();
    long linear = 0;
    for (CrsPatterns.CrsPattern p : all) {
      WafPattern compiled = WafPattern.compile(p.source());
      linear += compiled.linearTime() ? 1 : 0;
      assertThat(compiled.find("", null)).isNotNull();
    }
    assertThat(linear).as("patterns on RE2/J out of " + all.size()).isGreaterThan(all.size() - 10);
  }

  @Test
  void docListsExactlyThePatternsThatNeedTheFallback() throws IOException {
    List<String> expected = new ArrayList<>();
    for (CrsPatterns.CrsPattern p : CrsPatterns.all()) {
      WafPattern compiled = WafPattern.compile(p.source());
      if (!compiled.linearTime()) {
        expected.add(
            "| "
                + p.ruleId()
                + " | "
                + p.file()
                + ":"
                + p.line()
                + " | "
                + String.join(", ", compiled.fallbackReasons())
                + " |");
      }
    }
    assertThat(documentedRows()).as(String.join("\n", expected)).isEqualTo(expected);
  }

  private static List<String> documentedRows() throws IOException {
    Path doc = Path.of("..", "docs", "waf-regex.md");
    String text = Files.readString(doc, StandardCharsets.UTF_8);
    int from = text.indexOf(START);
    int to = text.indexOf(END);
    assertThat(from).as(doc + " has " + START).isNotNegative();
    assertThat(to).as(doc + " has " + END).isGreaterThan(from);
    List<String> rows = new ArrayList<>();
    for (String line : text.substring(from + START.length(), to).split("\n")) {
      String row = line.strip();
      if (row.startsWith("| ") && Character.isDigit(row.charAt(2))) {
        rows.add(row);
      }
    }
    return rows;
  }
}
