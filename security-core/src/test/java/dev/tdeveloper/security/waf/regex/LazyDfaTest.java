package dev.tdeveloper.security.waf.regex;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The lazy DFA answers "matches or not" exactly as RE2/J does, or declines: on every linear CRS
 * pattern over the regex corpus and CRS-shaped values, on random small patterns with every anchor
 * it builds (start, end, multiline end, word boundaries) over short strings, under its per-search
 * and per-table budgets, and from several threads building one table at once.
 */
class LazyDfaTest {
  private record Crs(String id, WafPattern pattern, LazyDfa dfa) {}

  private static final List<Crs> CRS =
      CrsPatterns.all().stream()
          .filter(p -> WafPattern.compile(p.source()).linearTime())
          .map(
              p ->
                  new Crs(
                      p.ruleId() + " " + p.line(),
                      WafPattern.compile(p.source()),
                      dfaOf(p.source())))
          .toList();

  private static final List<String> TOKENS =
      List.of(
          "GET ",
          "POST ",
          "/api/v1/",
          "?q=",
          "&",
          "=",
          "HTTP/1.1",
          "select",
          " union ",
          "from",
          "<script>",
          "alert(",
          "cat ",
          "/etc/passwd",
          ";",
          "|",
          "$(",
          "`",
          "'",
          "\"",
          "--",
          "/*",
          "%2e%2e/",
          "..\\",
          "\n",
          "\r\n",
          "\t",
          " ",
          "_",
          "x",
          "1",
          "\u00ff",
          "\u0080");

  /** What the DFA says, with UNKNOWN replaced by RE2/J's answer when allowed. */
  private static RegexOutcome dfa(LazyDfa dfa, WafPattern p, String value) {
    int answer = dfa.search(value);
    if (answer == LazyDfa.UNKNOWN) {
      return null;
    }
    return answer == LazyDfa.MATCHED ? RegexOutcome.MATCHED : RegexOutcome.NOT_MATCHED;
  }

  private static LazyDfa dfaOf(String source) {
    return LazyDfa.of(PcreParser.parse(source).root());
  }

  @Test
  void agreesWithRe2OnEveryLinearCrsPatternOverTheCorpus() {
    int compared = 0;
    int matched = 0;
    for (Crs c : CRS) {
      assertThat(c.dfa()).as(c.id()).isNotNull();
      for (String value : RegexCorpus.all()) {
        RegexOutcome expected = c.pattern().findRe2(value, null);
        RegexOutcome got = dfa(c.dfa(), c.pattern(), value);
        if (got != null) {
          assertThat(got).as(c.id() + " on [" + value + "]").isEqualTo(expected);
          compared++;
          matched += got == RegexOutcome.MATCHED ? 1 : 0;
        }
      }
    }
    assertThat(compared).isGreaterThan(CRS.size() * RegexCorpus.all().size() * 9 / 10);
    assertThat(matched).as("the corpus exercises matches, not only misses").isGreaterThan(300);
  }

  @Provide
  Arbitrary<String> crsShaped() {
    return RegexCorpus.tokenValues(TOKENS, 3, 16);
  }

  @Property(tries = 150)
  void findAnswersAsRe2OnCrsShapedValues(@ForAll("crsShaped") String value) {
    for (Crs c : CRS) {
      assertThat(c.pattern().find(value, null))
          .as(c.id() + " on [" + value + "]")
          .isEqualTo(c.pattern().findRe2(value, null));
      RegexOutcome got = dfa(c.dfa(), c.pattern(), value);
      if (got != null) {
        assertThat(got)
            .as(c.id() + " on [" + value + "]")
            .isEqualTo(c.pattern().findRe2(value, null));
      }
    }
  }

  private static final String[] ATOMS = {
    "a", "b", "_", "-", "\\n", "[ab]", "[^a]", "\\w", "\\W", "\\s", ".", "^", "$", "\\b", "\\B",
    "(?m:$)", "(?i:A)"
  };

  /** A random pattern of atoms, groups, alternations and quantifiers. */
  private static String pattern(Random r, int depth) {
    StringBuilder sb = new StringBuilder();
    int items = 1 + r.nextInt(4);
    for (int i = 0; i < items; i++) {
      String item =
          depth > 0 && r.nextInt(4) == 0
              ? "(?:"
                  + pattern(r, depth - 1)
                  + (r.nextBoolean() ? "|" + pattern(r, depth - 1) : "")
                  + ")"
              : ATOMS[r.nextInt(ATOMS.length)];
      boolean quantifiable =
          !item.equals("^")
              && !item.equals("$")
              && !item.startsWith("\\b")
              && !item.startsWith("\\B")
              && !item.startsWith("(?m");
      if (quantifiable) {
        item +=
            switch (r.nextInt(8)) {
              case 0 -> "*";
              case 1 -> "+";
              case 2 -> "?";
              case 3 -> "{1,3}";
              case 4 -> "{2}";
              case 5 -> "*?";
              default -> "";
            };
      }
      sb.append(item);
    }
    return sb.toString();
  }

  @Property(tries = 400)
  void randomPatternsWithEveryAnchorAgreeWithRe2(@ForAll long seed) {
    Random r = new Random(seed);
    String source = pattern(r, 2);
    WafPattern p = WafPattern.compile(source);
    assertThat(p.linearTime()).as(source).isTrue();
    LazyDfa dfa = dfaOf(source);
    assertThat(dfa).as(source).isNotNull();
    String alphabet = "ab_- \nA";
    for (int t = 0; t < 40; t++) {
      StringBuilder in = new StringBuilder();
      int n = r.nextInt(7);
      for (int i = 0; i < n; i++) {
        in.append(alphabet.charAt(r.nextInt(alphabet.length())));
      }
      String value = in.toString();
      RegexOutcome expected = p.findRe2(value, null);
      assertThat(dfa(dfa, p, value)).as(source + " on [" + value + "]").isEqualTo(expected);
      assertThat(p.find(value, null)).as(source + " on [" + value + "]").isEqualTo(expected);
    }
  }

  @Test
  void declinesCharsAboveAByteAndFindStillAnswers() {
    LazyDfa dfa = dfaOf("ab");
    assertThat(dfa.search("xx\u0100ab")).isEqualTo(LazyDfa.UNKNOWN);
    assertThat(dfa.search("xxab")).isEqualTo(LazyDfa.MATCHED);
    assertThat(WafPattern.compile("ab").find("xx\u0100ab", null)).isEqualTo(RegexOutcome.MATCHED);
  }

  /** {@code [ab]*a[ab]{13}} needs a DFA state per combination of the last 14 bytes. */
  private static final String BLOW_UP = "[ab]*a[ab]{13}c";

  private static String randomAb(Random r, int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(r.nextBoolean() ? 'a' : 'b');
    }
    return sb.append(r.nextBoolean() ? "c" : "").toString();
  }

  @Test
  void declinesASearchThatWouldBuildTooManyStates() {
    LazyDfa dfa = dfaOf(BLOW_UP);
    String value = randomAb(new Random(7), 400);
    assertThat(dfa.search(value)).isEqualTo(LazyDfa.UNKNOWN);
    assertThat(dfa.stateCount()).isLessThanOrEqualTo(LazyDfa.MAX_NEW_STATES_PER_SEARCH + 1);
    WafPattern p = WafPattern.compile(BLOW_UP);
    assertThat(p.find(value, null)).isEqualTo(p.findRe2(value, null));
  }

  @Test
  void dropsAFullTableAndKeepsAnswering() {
    LazyDfa dfa = dfaOf(BLOW_UP);
    WafPattern p = WafPattern.compile(BLOW_UP);
    Random r = new Random(11);
    int most = 0;
    boolean dropped = false;
    for (int i = 0; i < 3_000 && !dropped; i++) {
      String value = randomAb(r, 40);
      RegexOutcome got = dfa(dfa, p, value);
      if (got != null) {
        assertThat(got).as(value).isEqualTo(p.findRe2(value, null));
      }
      int states = dfa.stateCount();
      dropped = states < most;
      most = Math.max(most, states);
    }
    assertThat(dropped).as("the table was dropped once full").isTrue();
    // Six byte classes (a, b, c, other word bytes, the newline, the rest): six cells a state.
    assertThat(most).isLessThanOrEqualTo(LazyDfa.MAX_CELLS / 6 + 1);
  }

  @Test
  void threadsBuildingOneTableAgreeWithRe2() throws Exception {
    WafPattern p = WafPattern.compile(BLOW_UP);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int seed = t;
        results.add(
            pool.submit(
                () -> {
                  Random r = new Random(seed);
                  int wrong = 0;
                  for (int i = 0; i < 1_500; i++) {
                    String value = randomAb(r, 12 + r.nextInt(30));
                    wrong += p.find(value, null) == p.findRe2(value, null) ? 0 : 1;
                  }
                  return wrong;
                }));
      }
      for (Future<Integer> f : results) {
        assertThat(f.get()).isZero();
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void largeCountedRepeatsAreLeftToRe2() {
    assertThat(dfaOf("(?:abcdefghij){1001}")).isNull();
    assertThat(WafPattern.compile("a{3,1000}").find("aaa", null)).isEqualTo(RegexOutcome.MATCHED);
  }

  @Property(tries = 20)
  void longInputsStayExact(@ForAll @IntRange(min = 0, max = 400) int length, @ForAll long seed) {
    Random r = new Random(seed);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < length; i++) {
      sb.append(TOKENS.get(r.nextInt(TOKENS.size())));
    }
    String value = sb.toString();
    for (Crs c : CRS) {
      assertThat(c.pattern().find(value, null))
          .as(c.id())
          .isEqualTo(c.pattern().findRe2(value, null));
    }
  }
}
