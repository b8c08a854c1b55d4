package dev.tdeveloper.security.waf.regex;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Groups 0..9 of CRS patterns with capturing groups are those java.util.regex finds with the
 * original source, on RE2/J and on the fallback. Values are ASCII without a newline: there the
 * original source means the same to java.util.regex as to PCRE (Java's {@code $} also matches
 * before a final newline, and Java 17's {@code \b} counts Latin-1 letters as word characters).
 */
class CaptureGroupsPropertyTest {
  private static final List<String> RULES =
      List.of("920190", "920480", "942130", "942180", "942210", "942310", "942510", "942511");

  private static final List<String> TOKENS =
      List.of(
          "select",
          "SELECT",
          " from ",
          "union",
          " or ",
          "and",
          "1=1",
          "a=a",
          "'",
          "\"",
          "`",
          "(",
          ")",
          "--",
          "/*",
          "*/",
          " like ",
          "between",
          "having",
          "charset=",
          "utf-8",
          "100-200",
          "0x",
          "=",
          "<>",
          "!=",
          "begin",
          ";",
          "order by",
          "is not",
          "regexp",
          "  ");

  private static final Map<String, String> SOURCES =
      CrsPatterns.all().stream()
          .filter(p -> RULES.contains(p.ruleId()))
          .collect(
              Collectors.toMap(
                  CrsPatterns.CrsPattern::ruleId, CrsPatterns.CrsPattern::source, (a, b) -> a));

  private static final List<Engines> ENGINES =
      RULES.stream().map(SOURCES::get).map(Engines::new).toList();

  private record Engines(String source, WafPattern linear, WafPattern fallback, Pattern oracle) {
    Engines(String source) {
      this(
          source,
          WafPattern.compile(source),
          WafPattern.compileBacktracking(source, Long.MAX_VALUE),
          Pattern.compile(source, Pattern.DOTALL));
    }
  }

  @Provide
  Arbitrary<String> values() {
    Arbitrary<String> ascii = Arbitraries.chars().range(' ', '~').map(String::valueOf);
    Arbitrary<String> controls = Arbitraries.of("\t", "\r", "\u000b", "\f");
    Arbitrary<String> token =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(5, Arbitraries.of(TOKENS)),
            net.jqwik.api.Tuple.of(4, ascii),
            net.jqwik.api.Tuple.of(1, controls));
    return token.list().ofMaxSize(14).map(parts -> String.join("", parts));
  }

  @Property(tries = 400)
  void groupsMatchJavaUtilRegexOnBothEngines(@ForAll("values") String value) {
    assertThat(SOURCES).hasSize(RULES.size());
    boolean anyMatch = false;
    for (Engines e : ENGINES) {
      List<String> expected = oracle(e.oracle(), value);
      anyMatch |= !expected.get(0).equals(RegexOutcome.NOT_MATCHED.name());
      assertThat(groups(e.linear(), value)).as("%s on [%s]", e.source(), value).isEqualTo(expected);
      assertThat(groups(e.fallback(), value))
          .as("fallback %s on [%s]", e.source(), value)
          .isEqualTo(expected);
    }
    Statistics.collect(anyMatch ? "a pattern matched" : "none matched");
    Statistics.coverage(coverage -> coverage.check("a pattern matched").percentage(p -> p > 10.0));
  }

  private static List<String> groups(WafPattern p, String value) {
    List<String> out = new ArrayList<>();
    RegexOutcome o = p.find(value, out);
    return o == RegexOutcome.MATCHED ? out : List.of(o.name());
  }

  private static List<String> oracle(Pattern p, String value) {
    Matcher m = p.matcher(value);
    if (!m.find()) {
      return List.of(RegexOutcome.NOT_MATCHED.name());
    }
    Function<Integer, String> group = g -> m.group(g) == null ? "" : m.group(g);
    List<String> out = new ArrayList<>();
    for (int g = 0; g <= Math.min(9, m.groupCount()); g++) {
      out.add(group.apply(g));
    }
    return out;
  }
}
