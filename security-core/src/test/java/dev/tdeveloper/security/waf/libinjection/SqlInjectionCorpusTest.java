package dev.tdeveloper.security.waf.libinjection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Detection and false-positive rates on our SQL corpora. The misses are pinned: a new miss fails,
 * and so does a documented gap that starts being detected (then the list and the doc are updated).
 */
class SqlInjectionCorpusTest {
  /** Known gaps, reported in docs/waf-libinjection.md. */
  static final Set<String> MISSED_ATTACKS =
      Set.of(
          "'=' or '",
          "\"=\" or \"",
          "1 and true",
          "1 into outfile '/var/www/x.php'",
          "\\' or 1=1--",
          "1 procedure analyse(extractvalue(rand(),concat(0x3a,version())),1)");

  @Test
  void detectsTheAttackCorpusExceptTheDocumentedGaps() {
    List<String> attacks = Corpus.read("sqli-attacks.txt");
    Set<String> missed = new TreeSet<>();
    for (String a : attacks) {
      if (SqlInjection.detect(a).isEmpty()) {
        missed.add(a);
      }
    }
    assertThat(attacks).hasSizeGreaterThanOrEqualTo(150);
    assertThat(missed).containsExactlyInAnyOrderElementsOf(MISSED_ATTACKS);
    System.out.printf(
        "SQLi corpus: %d/%d detected%n", attacks.size() - missed.size(), attacks.size());
  }

  @Test
  void passesEveryBenignValue() {
    List<String> benign = Corpus.read("sqli-benign.txt");
    assertThat(benign).hasSizeGreaterThanOrEqualTo(150);
    for (String b : benign) {
      assertThat(SqlInjection.detect(b)).as(b).isEmpty();
    }
  }

  @Test
  void passesTheXssCorporaBenignValues() {
    for (String b : Corpus.read("xss-benign.txt")) {
      assertThat(SqlInjection.detect(b)).as(b).isEmpty();
    }
  }
}
