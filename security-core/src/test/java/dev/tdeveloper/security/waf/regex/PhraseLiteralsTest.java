package dev.tdeveloper.security.waf.regex;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.security.waf.CrsInstall;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link PhraseLiterals}' condition is {@link Cond#or} of the phrases' lower-cased prefixes: its
 * look-up per substring drops exactly the literals the pairwise test of {@code Cond.or} drops.
 */
class PhraseLiteralsTest {
  @Provide
  Arbitrary<List<String>> phraseLists() {
    return Arbitraries.strings()
        .withChars("abAB/.\u00c0\u00e0 ")
        .ofMinLength(2)
        .ofMaxLength(11)
        .list()
        .ofMinSize(1)
        .ofMaxSize(30);
  }

  @Property(tries = 1000)
  void conditionIsTheOrOfThePrefixes(@ForAll("phraseLists") List<String> phrases) {
    List<Cond> lits = new ArrayList<>();
    for (String p : phrases) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < Math.min(p.length(), PhraseLiterals.MAX_LITERAL); i++) {
        char c = p.charAt(i);
        sb.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
      }
      lits.add(new Cond.Lit(sb.toString()));
    }
    PhraseLiterals pl = PhraseLiterals.of(phrases);
    assertThat(pl.indexed()).isTrue();
    assertThat(pl.condition()).isEqualTo(Cond.or(lits));
  }

  /**
   * Every CRS regex and phrase file in one index keeps the narrow (char) table: the phrases'
   * prefixes add about 6,000 states to the regexes' 9,000.
   */
  @Example
  void theCrsIndexWithItsPhraseFilesStaysNarrow() throws IOException {
    List<WafPattern> patterns = new ArrayList<>();
    for (CrsPatterns.CrsPattern p : CrsPatterns.all()) {
      patterns.add(WafPattern.compile(p.source()));
    }
    List<PhraseLiterals> sets = new ArrayList<>();
    try (var files = Files.list(CrsInstall.rulesDir())) {
      for (Path f : files.filter(p -> p.toString().endsWith(".data")).sorted().toList()) {
        List<String> phrases = new ArrayList<>();
        for (String line : Files.readAllLines(f, StandardCharsets.ISO_8859_1)) {
          if (!line.isBlank() && !line.strip().startsWith("#")) {
            phrases.add(line);
          }
        }
        sets.add(PhraseLiterals.of(phrases));
      }
    }
    LiteralIndex rx = LiteralIndex.of(patterns);
    LiteralIndex all = LiteralIndex.of(patterns, sets);
    System.out.printf(
        "CRS index: regexes %d literals %d states; with phrase files %d literals %d states%n",
        rx.literalCount(), rx.stateCount(), all.literalCount(), all.stateCount());
    assertThat(sets).hasSizeGreaterThan(15).allMatch(PhraseLiterals::indexed);
    assertThat(all.stateCount()).isGreaterThan(rx.stateCount());
    assertThat(all.stateCount()).isLessThanOrEqualTo(LiteralIndex.MAX_NARROW_STATES);
  }

  @Example
  void aOneBytePhraseOrNoPhraseLeavesNoCondition() {
    assertThat(PhraseLiterals.of(List.of("select", "(")).indexed()).isFalse();
    assertThat(PhraseLiterals.of(List.of()).indexed()).isFalse();
    assertThat(PhraseLiterals.of(List.of("?>", "<?php")).condition())
        .isEqualTo(Cond.or(List.of(new Cond.Lit("?>"), new Cond.Lit("<?php"))));
  }
}
