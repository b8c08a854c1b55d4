package dev.tdeveloper.security.waf.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.security.waf.CrsInstall;
import dev.tdeveloper.security.waf.regex.LiteralIndex;
import dev.tdeveloper.security.waf.regex.PhraseLiterals;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The phrase operators' literal conditions in one {@link LiteralIndex} (with short {@code @pm}
 * lists beside CRS's phrase files, as a rule set indexes them) never reject a value the operator
 * matches: values built from the phrases in random case, cut, with a byte changed, inside benign
 * text, with chars above 0xFF.
 */
class PhraseLiteralsPropertyTest {
  private static final List<String> BENIGN =
      List.of(
          "/api/v1/notes",
          "page=2&sort=title",
          "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120",
          "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
          "session=abc123; theme=dark",
          "{\"title\":\"groceries\",\"tags\":[\"home\"]}",
          "",
          " ",
          "\u00ff\u0100",
          "id=1' UNION SELECT username,password FROM users-- ");

  private static final List<List<String>> PM_LISTS =
      List.of(
          List.of("AppleWebKit", "Android", "Business", "Enterprise", "Entreprise"),
          List.of(
              "document.cookie", "document.write", ".parentnode", ".innerhtml", "window.location"),
          List.of("?>", "<?", "\u00c0\u00e9x"),
          List.of("=", "ab"));

  private static List<List<String>> sets;
  private static List<Operator> operators;
  private static List<PhraseLiterals> literals;
  private static LiteralIndex index;

  @BeforeContainer
  static synchronized void build() throws IOException {
    if (index != null) {
      return;
    }
    Path rules = CrsInstall.rulesDir();
    List<List<String>> all = new ArrayList<>(PM_LISTS);
    try (var stream = Files.list(rules)) {
      for (Path f : stream.filter(p -> p.toString().endsWith(".data")).sorted().toList()) {
        all.add(
            PhraseOperators.fromLines(
                DataFiles.lines(Ops.env(rules), "pmFromFile", f.getFileName().toString())));
      }
    }
    List<Operator> ops = new ArrayList<>();
    List<PhraseLiterals> lits = new ArrayList<>();
    for (List<String> phrases : all) {
      Operator op = PhraseOperators.of(phrases);
      ops.add(op);
      lits.add(op.phraseLiterals().orElse(null));
    }
    sets = all;
    operators = ops;
    literals = lits;
    index = LiteralIndex.of(List.of(), lits.stream().filter(l -> l != null).toList());
  }

  private record Recipe(int set, int phrase, long caseBits, int cut, int change, int around) {}

  @Provide
  Arbitrary<Recipe> recipes() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 1 << 20),
            Arbitraries.integers().between(0, 1 << 20),
            Arbitraries.longs(),
            Arbitraries.integers().between(-1, 12),
            Arbitraries.integers().between(-1, 300),
            Arbitraries.integers().between(0, BENIGN.size() * 3))
        .as(Recipe::new);
  }

  @Property(tries = 2000)
  void aRejectedValueIsNeverMatched(@ForAll("recipes") Recipe r) {
    List<String> phrases = sets.get(r.set() % sets.size());
    String phrase = phrases.get(r.phrase() % phrases.size());
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < phrase.length(); i++) {
      char c = phrase.charAt(i);
      sb.append((r.caseBits() >>> (i & 63) & 1) != 0 ? flip(c) : c);
    }
    if (r.cut() >= 0 && r.cut() < sb.length()) {
      sb.setLength(r.cut());
    }
    if (r.change() >= 0 && sb.length() > 0) {
      sb.setCharAt(r.change() % sb.length(), (char) (r.change() % 3 == 0 ? 0x141 : r.change()));
    }
    String around = BENIGN.get(r.around() % BENIGN.size());
    String value =
        switch (r.around() / BENIGN.size()) {
          case 0 -> sb.toString();
          case 1 -> around + sb;
          default -> sb + around + sb;
        };
    int[] found = index.scan(value);
    for (int i = 0; i < operators.size(); i++) {
      LiteralIndex.Formula formula =
          literals.get(i) == null ? null : index.formula(literals.get(i));
      if (formula != null && !formula.mayMatch(found)) {
        assertThat(operators.get(i).evaluate(new RecordingContext(), value))
            .as("set %d rejects %s", i, value)
            .isFalse();
      }
    }
  }

  @Example
  void rejectsBenignValuesAndKeepsPhrasesWithTheirCase() {
    Operator xss = operators.get(1);
    LiteralIndex.Formula f = index.formula(xss.phraseLiterals().orElseThrow());
    assertThat(f.mayMatch(index.scan("Mozilla/5.0 (X11; Linux x86_64)"))).isFalse();
    assertThat(f.mayMatch(index.scan("x=DOCUMENT.Cookie"))).isTrue();
    assertThat(f.mayMatch(index.scan("x=document.cook"))).isTrue();
    assertThat(operators.get(2).phraseLiterals()).isPresent();
    assertThat(operators.get(3).phraseLiterals()).as("one-byte phrase: no condition").isEmpty();
  }

  private static char flip(char c) {
    return c >= 'a' && c <= 'z' ? (char) (c - 32) : c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
  }
}
