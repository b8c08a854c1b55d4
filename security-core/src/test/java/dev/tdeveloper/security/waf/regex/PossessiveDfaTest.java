package dev.tdeveloper.security.waf.regex;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * A pattern whose only fallback reason is possessive repeats of one byte set without bound ({@code
 * \s*+}, {@code [^;]++}) answers "matches or not" through the lazy DFA, which reads {@code X*+} as
 * {@code X*} then "the next byte is not in X": exactly as the backtracking engine, on the CRS
 * patterns of that kind (920600's Accept check, 942260) over the regex corpus and Accept-shaped
 * values, and on random small patterns with possessive, greedy and lazy repeats over short strings.
 */
class PossessiveDfaTest {
  private static final String POSSESSIVE = "possessive quantifier";

  private record Crs(String id, WafPattern pattern, WafPattern reference) {}

  private static final List<Crs> CRS =
      CrsPatterns.all().stream()
          .filter(p -> onlyPossessive(WafPattern.compile(p.source())))
          .map(
              p ->
                  new Crs(
                      p.ruleId() + " " + p.line(),
                      WafPattern.compile(p.source()),
                      WafPattern.compileBacktracking(p.source(), WafPattern.DEFAULT_STEP_BUDGET)))
          .toList();

  private static final List<String> TOKENS =
      List.of(
          "text/html",
          "application/xhtml+xml",
          "*/*",
          "*",
          "/",
          ";",
          ",",
          " ",
          "\t",
          "\r",
          "q=0.9",
          "=",
          "charset",
          "utf-8",
          "iso-8859-15",
          "\"",
          "c",
          "ch",
          "x",
          "(",
          "@",
          "'",
          "select",
          "\u00ff");

  private static boolean onlyPossessive(WafPattern p) {
    return !p.fallbackReasons().isEmpty()
        && p.fallbackReasons().stream().allMatch(POSSESSIVE::equals);
  }

  @Test
  void crsPatternsOfThatKindRunOnTheDfa() {
    List<String> ids = CRS.stream().map(Crs::id).toList();
    assertThat(ids)
        .anyMatch(id -> id.startsWith("920600 "))
        .anyMatch(id -> id.startsWith("942260 "));
    for (Crs c : CRS) {
      assertThat(LazyDfa.of(PcreParser.parse(c.pattern().source()).root())).as(c.id()).isNotNull();
    }
  }

  @Test
  void agreesWithTheFallbackOverTheCorpusAndTheKnownCases() {
    List<String> values = new ArrayList<>(RegexCorpus.all());
    values.addAll(
        List.of(
            "",
            "text/html; =x",
            "text/html;q= ",
            "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
            "text/html; charset=utf-8",
            "text/html ;  charset = \"utf-8\"",
            "text/html; charset=utf-7",
            "text/html;;",
            "a/b ,c/d"));
    for (Crs c : CRS) {
      for (String value : values) {
        assertThat(c.pattern().find(value, null))
            .as(c.id() + " on [" + value + "]")
            .isEqualTo(c.reference().find(value, null));
      }
    }
    Crs accept = CRS.stream().filter(c -> c.id().startsWith("920600 ")).findFirst().orElseThrow();
    assertThat(accept.pattern().find("text/html; =x", null)).isEqualTo(RegexOutcome.NOT_MATCHED);
    assertThat(accept.pattern().find("text/html;q=0.9", null)).isEqualTo(RegexOutcome.MATCHED);
  }

  @Provide
  Arbitrary<String> acceptShaped() {
    return RegexCorpus.tokenValues(TOKENS, 4, 14);
  }

  @Property(tries = 300)
  void crsPatternsAnswerAsTheFallback(@ForAll("acceptShaped") String value) {
    for (Crs c : CRS) {
      List<String> groups = new ArrayList<>();
      List<String> expectedGroups = new ArrayList<>();
      assertThat(c.pattern().find(value, null))
          .as(c.id() + " on [" + value + "]")
          .isEqualTo(c.reference().find(value, null));
      assertThat(c.pattern().find(value, groups))
          .isEqualTo(c.reference().find(value, expectedGroups));
      assertThat(groups).isEqualTo(expectedGroups);
    }
  }

  private static final String[] ATOMS = {"a", "b", " ", ";", "[ab]", "[^a]", "\\s", "\\w", "."};

  private static final String[] QUANTIFIERS = {"*+", "++", "{2,}+", "*", "+", "?", "*?", ""};

  /** A random pattern of atoms, groups and alternations, possessive repeats on single atoms. */
  private static String pattern(Random r, int depth) {
    StringBuilder sb = new StringBuilder(r.nextInt(5) == 0 ? "^" : "");
    int items = 1 + r.nextInt(4);
    for (int i = 0; i < items; i++) {
      if (depth > 0 && r.nextInt(4) == 0) {
        sb.append("(?:").append(pattern(r, depth - 1)).append('|');
        sb.append(pattern(r, depth - 1)).append(")").append(r.nextBoolean() ? "*" : "");
      } else {
        sb.append(ATOMS[r.nextInt(ATOMS.length)]);
        sb.append(QUANTIFIERS[r.nextInt(QUANTIFIERS.length)]);
      }
    }
    return sb.append(r.nextInt(4) == 0 ? "$" : "").toString();
  }

  @Property(tries = 400)
  void randomPossessivePatternsAgreeWithTheFallback(@ForAll long seed) {
    Random r = new Random(seed);
    String source = pattern(r, 2);
    WafPattern p = WafPattern.compile(source);
    WafPattern reference = WafPattern.compileBacktracking(source, WafPattern.DEFAULT_STEP_BUDGET);
    LazyDfa dfa = LazyDfa.of(PcreParser.parse(source).root());
    if (onlyPossessive(p)) {
      assertThat(dfa).as(source).isNotNull();
    }
    String alphabet = "ab ;\nA";
    for (int t = 0; t < 40; t++) {
      StringBuilder in = new StringBuilder();
      int n = r.nextInt(8);
      for (int i = 0; i < n; i++) {
        in.append(alphabet.charAt(r.nextInt(alphabet.length())));
      }
      String value = in.toString();
      RegexOutcome expected = reference.find(value, null);
      assertThat(p.find(value, null)).as(source + " on [" + value + "]").isEqualTo(expected);
      int answer = dfa == null ? LazyDfa.UNKNOWN : dfa.search(value);
      if (answer != LazyDfa.UNKNOWN) {
        assertThat(answer == LazyDfa.MATCHED ? RegexOutcome.MATCHED : RegexOutcome.NOT_MATCHED)
            .as("dfa " + source + " on [" + value + "]")
            .isEqualTo(expected);
      }
    }
  }
}
