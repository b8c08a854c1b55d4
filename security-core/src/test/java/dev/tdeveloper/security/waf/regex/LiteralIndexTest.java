package dev.tdeveloper.security.waf.regex;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.security.waf.transform.Transformation;
import dev.tdeveloper.security.waf.transform.Transformations;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.junit.jupiter.api.Test;

/**
 * One {@link LiteralIndex} over every CRS 3.3.4 {@code @rx} pattern decides each pattern's literal
 * condition exactly as that pattern's own {@link LiteralScanner} does (the simple structure it
 * stands in for), on inputs built from the patterns' literals in random case, noise and attack
 * strings: an index that says "cannot match" where the scanner says "may" would skip a rule.
 */
class LiteralIndexTest {
  private static final List<String> NOISE =
      List.of(" ", "'", "(", ";", "=", "/", "\\", "<", "-", "1", "x", "%", ".", "\u00ff", "\u0100");

  private record Subject(String id, WafPattern pattern, LiteralScanner scanner) {}

  private static List<Subject> subjects;
  private static LiteralIndex index;
  private static LiteralIndex wideIndex;
  private static List<String> literals;

  @BeforeContainer
  static synchronized void indexAll() {
    if (index != null) {
      return;
    }
    List<Subject> out = new ArrayList<>();
    List<WafPattern> patterns = new ArrayList<>();
    List<String> lits = new ArrayList<>();
    for (CrsPatterns.CrsPattern p : CrsPatterns.all()) {
      WafPattern w = WafPattern.compile(p.source());
      Cond c = w.literalCondition();
      out.add(new Subject(p.ruleId() + " " + p.line(), w, LiteralScanner.of(c)));
      patterns.add(w);
      collect(c, lits);
    }
    subjects = out;
    index = LiteralIndex.of(patterns);
    wideIndex = LiteralIndex.of(patterns, 0);
    literals = lits;
  }

  private static void collect(Cond c, List<String> out) {
    if (c instanceof Cond.Lit l) {
      out.add(l.text());
    } else if (c instanceof Cond.And a) {
      a.parts().forEach(p -> collect(p, out));
    } else if (c instanceof Cond.Or o) {
      o.parts().forEach(p -> collect(p, out));
    }
  }

  private record Step(int pick, long caseBits, boolean noise) {}

  @Provide
  Arbitrary<List<Step>> recipes() {
    Arbitrary<Step> step =
        Combinators.combine(
                Arbitraries.integers().between(0, 1 << 20),
                Arbitraries.longs(),
                Arbitraries.of(true, false))
            .as(Step::new);
    return step.list().ofMinSize(0).ofMaxSize(10);
  }

  @Property(tries = 300)
  void decidesEveryPatternAsItsOwnScanner(@ForAll("recipes") List<Step> recipe) {
    indexAll();
    agreeOn(input(recipe));
  }

  /**
   * Values holding dozens of literals decide every pattern as its own scanner does: the formulas'
   * searches in a long list of found literals (rather than a bit test per literal found) answer as
   * the short lists' tests do.
   */
  @Property(tries = 100)
  void decidesValuesHoldingManyLiteralsAsItsOwnScanner(@ForAll("longRecipes") List<Step> recipe) {
    indexAll();
    agreeOn(input(recipe));
  }

  @Provide
  Arbitrary<List<Step>> longRecipes() {
    return recipes()
        .list()
        .ofMinSize(3)
        .ofMaxSize(8)
        .map(lists -> lists.stream().flatMap(List::stream).toList());
  }

  /**
   * A scan finds exactly the literals the value contains, by a plain search for each literal in the
   * value's ASCII lower case, ascending; and a reused scratch answers the same whatever it scanned
   * before and whatever its starting room (it grows); and a value in either ASCII case holds the
   * same literals as the value itself: the cache reuses the literals of a value for its {@code
   * lowercase} and {@code uppercase}.
   */
  @Property(tries = 300)
  void scansAlikeWithAnyScratchAndInEitherCase(
      @ForAll("recipes") List<Step> recipe, @ForAll("recipes") List<Step> before) {
    indexAll();
    String input = input(recipe);
    int[] plain = plainScan(input);
    assertThat(index.scan(input)).containsExactly(plain);
    for (int capacity : new int[] {0, 1, 2, 5, 64}) {
      LiteralScratch scratch = index.newScratch(capacity);
      assertThat(index.scan(input(before), scratch)).containsExactly(plainScan(input(before)));
      assertThat(index.scan(input, scratch)).as("room " + capacity).containsExactly(plain);
      assertThat(index.scan(input, scratch)).as("again " + capacity).containsExactly(plain);
    }
    assertThat(index.foldsAsciiCase()).isTrue();
    for (String t : List.of("lowercase", "uppercase")) {
      Transformation f = Transformations.byName(t).orElseThrow();
      assertThat(Transformations.changesOnlyAsciiCase(f)).isTrue();
      assertThat(index.scan(f.apply(input))).as(t).containsExactly(plain);
    }
    for (String t : List.of("urlDecodeUni", "cmdLine", "none")) {
      assertThat(Transformations.changesOnlyAsciiCase(Transformations.byName(t).orElseThrow()))
          .isFalse();
    }
  }

  /**
   * A value repeating a few literals (and their prefixes, whose states end shorter literals of the
   * same chains) in any order finds exactly what a plain search finds: a state met again stops at
   * its first literal already found, and that must never hide a literal of its chain not yet found.
   */
  @Property(tries = 300)
  void repeatedLiteralsScanAsAPlainSearch(
      @ForAll("recipes") List<Step> few, @ForAll("recipes") List<Step> order) {
    indexAll();
    if (few.isEmpty()) {
      return;
    }
    StringBuilder sb = new StringBuilder();
    for (Step st : order) {
      String lit = literals.get(few.get(st.pick() % few.size()).pick() % literals.size());
      int cut = st.noise() ? 1 + (int) Long.remainderUnsigned(st.caseBits(), lit.length()) : 0;
      sb.append(lit, 0, cut == 0 ? lit.length() : cut).append(lit);
    }
    String value = sb.toString();
    LiteralScratch scratch = index.newScratch(1);
    assertThat(index.scan(value, scratch)).containsExactly(plainScan(value));
    assertThat(wideIndex.scan(value)).containsExactly(plainScan(value));
  }

  /**
   * A value holding hundreds of literals (sorted another way than a few) scans as plainly, and
   * decides every pattern as its own scanner does.
   */
  @Test
  void scansValuesHoldingManyLiterals() {
    indexAll();
    LiteralScratch scratch = index.newScratch(1);
    for (int count : new int[] {20, 30, 300}) {
      String value = String.join(" ", literals.subList(literals.size() - count, literals.size()));
      int[] plain = plainScan(value);
      assertThat(plain.length).isGreaterThanOrEqualTo(count / 2);
      assertThat(index.scan(value, scratch)).as(count + " literals").containsExactly(plain);
      agreeOn(value);
    }
  }

  /**
   * The char transition table (the CRS's 8,917 states fit it) finds exactly the literals the int
   * table, kept for larger rule sets, finds.
   */
  @Property(tries = 300)
  void narrowTableScansAsTheWideOne(@ForAll("recipes") List<Step> recipe) {
    indexAll();
    String input = input(recipe);
    assertThat(index.scan(input)).containsExactly(wideIndex.scan(input));
  }

  @Test
  void narrowTableScansTheRegexCorpusAsTheWideOne() {
    indexAll();
    for (String value : RegexCorpus.all()) {
      assertThat(index.scan(value)).as(value).containsExactly(wideIndex.scan(value));
    }
  }

  /** The ids of the literals in a value: each literal searched for in its ASCII lower case. */
  private static int[] plainScan(String input) {
    String value = asciiLower(input);
    List<Integer> ids = new ArrayList<>();
    for (int id = 0; id < index.literalCount(); id++) {
      if (value.contains(asciiLower(index.literal(id)))) {
        ids.add(id);
      }
    }
    return ids.stream().mapToInt(Integer::intValue).toArray();
  }

  private static String asciiLower(String s) {
    StringBuilder folded = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      folded.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
    }
    return folded.toString();
  }

  private static String input(List<Step> recipe) {
    StringBuilder sb = new StringBuilder();
    for (Step st : recipe) {
      String piece =
          st.noise()
              ? NOISE.get(st.pick() % NOISE.size())
              : literals.get(st.pick() % literals.size());
      for (int i = 0; i < piece.length(); i++) {
        char c = piece.charAt(i);
        boolean upper = (st.caseBits() >>> (i & 63) & 1) != 0 && c >= 'a' && c <= 'z';
        sb.append(upper ? (char) (c - 32) : c);
      }
    }
    return sb.toString();
  }

  /**
   * A pattern searched as meeting its literal condition (the engine's path once the index's formula
   * holds, skipping the pattern's own literal scan) answers as the full search, groups included, on
   * every input whose formula holds: values built from literals, random text with chars above 0xFF,
   * and long values; and the scan it skips would have passed.
   */
  @Property(tries = 150)
  void searchMeetingLiteralsAnswersAsTheFullSearch(
      @ForAll("recipes") List<Step> recipe,
      @ForAll @net.jqwik.api.constraints.StringLength(max = 40) String noise,
      @ForAll @IntRange(min = 1, max = 40) int repeat) {
    indexAll();
    String built = input(recipe);
    for (String input : List.of(built, noise + built, built.repeat(repeat) + noise)) {
      int[] found = index.scan(input);
      for (Subject s : subjects) {
        LiteralIndex.Formula f = index.formula(s.pattern());
        if (f == null || !f.mayMatch(found)) {
          continue;
        }
        assertThat(s.scanner().test(input)).as(s.id() + " scanner on [" + input + "]").isTrue();
        List<String> full = new ArrayList<>();
        List<String> meeting = new ArrayList<>();
        assertThat(s.pattern().findMeetingLiterals(input, meeting))
            .as(s.id() + " on [" + input + "]")
            .isEqualTo(s.pattern().find(input, full));
        assertThat(meeting).isEqualTo(full);
      }
    }
  }

  @Test
  void decidesTheRegexCorpusAsEveryScanner() {
    for (String value : RegexCorpus.all()) {
      agreeOn(value);
    }
    agreeOn("");
  }

  @Test
  void patternsWithoutLiteralsHaveNoFormula() {
    WafPattern any = WafPattern.compile("^.*$");
    WafPattern digits = WafPattern.compile("^\\d+$");
    WafPattern union = WafPattern.compile("(?i)union.*?select");
    LiteralIndex small = LiteralIndex.of(List.of(any, digits, union, union));
    assertThat(small.formula(any)).isNull();
    assertThat(small.formula(digits)).isNull();
    assertThat(small.literalCount()).isEqualTo(2);
    assertThat(small.formula(union).mayMatch(small.scan("1 UNION all SeLeCt 2"))).isTrue();
    assertThat(small.formula(union).mayMatch(small.scan("union only"))).isFalse();
    assertThat(small.scan("nothing here")).isEmpty();
  }

  private static void agreeOn(String input) {
    indexAll();
    int[] found = index.scan(input);
    for (Subject s : subjects) {
      LiteralIndex.Formula f = index.formula(s.pattern());
      boolean indexed = f == null || f.mayMatch(found);
      boolean own = s.scanner() == null || s.scanner().test(input);
      assertThat(indexed).as(s.id() + " on [" + input + "]").isEqualTo(own);
    }
  }
}
