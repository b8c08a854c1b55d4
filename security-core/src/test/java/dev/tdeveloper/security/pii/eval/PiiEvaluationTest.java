package dev.tdeveloper.security.pii.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.security.pii.PiiDetector;
import dev.tdeveloper.security.pii.PiiEntity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PiiEvaluationTest {
  private static final List<LabelledText> CORPUS = PiiCorpus.generate(7, 20_000);

  @Test
  void everyEntityReachesF2OfAtLeast95Percent() {
    Map<PiiEntity, EntityScore> scores =
        PiiEvaluation.evaluate(PiiDetector.defaults()::detect, CORPUS);
    // The figures quoted in benchmarks/README.md come from this line of the test output.
    scores.values().forEach(System.out::println);
    assertThat(scores.values())
        .allSatisfy(
            score -> {
              assertThat(score.truePositives()).as(score.toString()).isGreaterThan(500);
              assertThat(score.f2()).as(score.toString()).isGreaterThanOrEqualTo(0.95);
            });
  }

  @Test
  void hardNegativesAreAlmostNeverFlagged() {
    List<LabelledText> negatives = CORPUS.stream().filter(t -> t.spans().isEmpty()).toList();
    assertThat(negatives).hasSizeGreaterThan(3000);
    long flagged =
        negatives.stream().filter(t -> !PiiDetector.defaults().detect(t.text()).isEmpty()).count();
    assertThat(flagged).isLessThan(negatives.size() / 200);
  }

  @Test
  void aDetectorThatFindsNothingHasZeroRecall() {
    Map<PiiEntity, EntityScore> scores = PiiEvaluation.evaluate(text -> List.of(), CORPUS);
    assertThat(scores.get(PiiEntity.EMAIL).recall()).isZero();
    assertThat(scores.get(PiiEntity.EMAIL).precision()).isEqualTo(1.0);
    assertThat(scores.get(PiiEntity.EMAIL).f2()).isZero();
  }

  @Test
  void theSameSeedGivesTheSameCorpus() {
    assertThat(PiiCorpus.generate(42, 300)).isEqualTo(PiiCorpus.generate(42, 300));
    assertThat(PiiCorpus.generate(42, 300)).isNotEqualTo(PiiCorpus.generate(43, 300));
  }

  @Test
  void labelsCoverTheirValuesExactly() {
    for (LabelledText labelled : PiiCorpus.generate(3, 2000)) {
      for (LabelledSpan span : labelled.spans()) {
        String value = labelled.text().substring(span.start(), span.end());
        assertThat(value)
            .as(labelled.text())
            .isNotBlank()
            .doesNotStartWith(" ")
            .doesNotEndWith(" ");
      }
    }
  }

  @Test
  void scoresFollowTheirDefinitions() {
    EntityScore score = new EntityScore(PiiEntity.IBAN, 8, 2, 2);
    assertThat(score.precision()).isEqualTo(0.8);
    assertThat(score.recall()).isEqualTo(0.8);
    assertThat(score.f2()).isEqualTo(0.8, org.assertj.core.api.Assertions.within(1e-12));
    assertThatThrownBy(() -> new EntityScore(PiiEntity.IBAN, -1, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PiiCorpus.generate(1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("size");
  }
}
