package dev.tdeveloper.security.waf.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The committed corpus files parse, are large enough, have unique ids, cover every attack family,
 * and are exactly what the generator writes (regenerate with {@code
 * -Dtdeveloper.corpus.write=true}).
 */
class CorpusFilesTest {

  static final Set<String> FAMILIES =
      Set.of(
          "sqli",
          "xss",
          "lfi",
          "rfi",
          "rce",
          "php",
          "java",
          "protocol",
          "smuggling",
          "scanner",
          "nodejs",
          "session");

  @Test
  void attackFileParsesWithAtLeast300UniqueIdsCoveringEveryFamily() {
    List<CorpusRequest> attacks = CorpusFiles.load(CorpusFiles.ATTACKS);
    assertThat(attacks).hasSizeGreaterThanOrEqualTo(300);
    assertUniqueIds(attacks);
    assertThat(attacks.stream().map(CorpusRequest::family).collect(Collectors.toSet()))
        .isEqualTo(FAMILIES);
    assertThat(attacks).allSatisfy(a -> assertThat(a.expect()).isNotEmpty());
    assertThat(attacks).allSatisfy(a -> assertThat(a.pl()).isBetween(1, 4));
  }

  @Test
  void benignFileParsesWithAtLeast300UniqueIdsAndNoExpectations() {
    List<CorpusRequest> benign = CorpusFiles.load(CorpusFiles.BENIGN);
    assertThat(benign).hasSizeGreaterThanOrEqualTo(300);
    assertUniqueIds(benign);
    assertThat(benign).allSatisfy(b -> assertThat(b.expect()).isEmpty());
    assertThat(benign.stream().map(CorpusRequest::method).collect(Collectors.toSet()))
        .contains("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
  }

  @Test
  void committedFilesAreWhatTheGeneratorWrites() throws IOException {
    if (Boolean.getBoolean("tdeveloper.corpus.write")) {
      CorpusFiles.writeSources();
    }
    assertThat(CorpusFiles.format(CorpusFiles.load(CorpusFiles.ATTACKS)))
        .isEqualTo(CorpusFiles.format(AttackCorpus.build()));
    assertThat(CorpusFiles.format(CorpusFiles.load(CorpusFiles.BENIGN)))
        .isEqualTo(CorpusFiles.format(BenignCorpus.build()));
  }

  @Test
  void binaryBodiesRoundTripThroughBase64() {
    List<CorpusRequest> one =
        BenignCorpus.build().stream().filter(r -> r.body().contains("PNG")).limit(1).toList();
    String line = CorpusFiles.format(one);
    assertThat(line).contains("\"bodyBase64\"");
    assertThat(CorpusFiles.parse(line, "mem")).isEqualTo(one);
  }

  @Test
  void malformedLineIsReportedWithItsLineNumber() {
    assertThatThrownBy(() -> CorpusFiles.parse("\n{\"id\":\"x\"}\n", "bad.jsonl"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("bad.jsonl:2: missing field");
  }

  private static void assertUniqueIds(List<CorpusRequest> requests) {
    Set<String> seen = new HashSet<>();
    for (CorpusRequest r : requests) {
      assertThat(seen.add(r.id())).as("duplicate id %s", r.id()).isTrue();
    }
  }
}
