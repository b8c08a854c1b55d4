package dev.tdeveloper.benchmarks.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.security.pii.PiiDetector;
import dev.tdeveloper.security.pii.PiiEntity;
import dev.tdeveloper.security.pii.eval.EntityScore;
import dev.tdeveloper.security.pii.eval.LabelledText;
import dev.tdeveloper.security.pii.eval.PiiCorpus;
import dev.tdeveloper.security.pii.eval.PiiEvaluation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The throughput ratio of {@link PiiScanBenchmark} is only meaningful at equal recall. */
class PiiBaselineRecallTest {
  @Test
  void theNaiveBaselineFindsWhatWeFindOnTheBenchmarkCorpus() {
    List<LabelledText> corpus = PiiCorpus.generate(42, PiiScanBenchmark.DOCUMENTS);
    Map<PiiEntity, EntityScore> ours =
        PiiEvaluation.evaluate(PiiDetector.defaults()::detect, corpus);
    Map<PiiEntity, EntityScore> naive =
        PiiEvaluation.evaluate(new NaivePiiBaseline()::detect, corpus);
    for (PiiEntity entity : PiiEntity.values()) {
      System.out.println("ours  " + ours.get(entity));
      System.out.println("naive " + naive.get(entity));
    }
    for (PiiEntity entity : PiiEntity.values()) {
      assertThat(naive.get(entity).recall())
          .as(entity.name())
          .isCloseTo(ours.get(entity).recall(), org.assertj.core.api.Assertions.within(0.005));
    }
  }
}
