package dev.tdeveloper.benchmarks.security;

import dev.tdeveloper.security.pii.PiiEntity;
import dev.tdeveloper.security.pii.PiiMasker;
import dev.tdeveloper.security.pii.eval.EntityScore;
import dev.tdeveloper.security.pii.eval.LabelledText;
import dev.tdeveloper.security.pii.eval.PiiCorpus;
import dev.tdeveloper.security.pii.eval.PiiEvaluation;
import dev.tdeveloper.tenancy.TenantId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * PII scan and mask (redaction) of a generated corpus: {@value #DOCUMENTS} labelled texts from
 * {@link PiiCorpus} (seed 42, about 100 KB; the exact size is printed at setup), one operation
 * masking all of them. MB/s is operations per second times the corpus size. {@code
 * naiveRegexScanAndMask} is {@link NaivePiiBaseline}: every recognizer's {@code java.util.regex}
 * over the whole text with the same verification and context scoring. The recall of each on this
 * corpus is printed at setup (and checked equal by {@code PiiBaselineRecallTest}), so the ratio is
 * at equal recall; the goal is at least 5x.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class PiiScanBenchmark {
  static final int DOCUMENTS = 2_000;
  private static final TenantId TENANT = TenantId.of("acme");

  private List<String> texts;
  private PiiMasker masker;
  private NaivePiiBaseline naive;

  @Setup
  public void setUp() {
    List<LabelledText> corpus = PiiCorpus.generate(42, DOCUMENTS);
    texts = corpus.stream().map(LabelledText::text).toList();
    masker = PiiMasker.builder().build();
    naive = new NaivePiiBaseline();
    long chars = texts.stream().mapToLong(String::length).sum();
    System.out.printf("%nPII corpus: %d texts, %d characters%n", texts.size(), chars);
    print("tdeveloper", PiiEvaluation.evaluate(masker.detector()::detect, corpus));
    print("naive regex", PiiEvaluation.evaluate(naive::detect, corpus));
  }

  private static void print(String who, Map<PiiEntity, EntityScore> scores) {
    int tp = scores.values().stream().mapToInt(EntityScore::truePositives).sum();
    int fn = scores.values().stream().mapToInt(EntityScore::falseNegatives).sum();
    System.out.printf("%s recall %.4f (TP %d, FN %d)%n", who, (double) tp / (tp + fn), tp, fn);
  }

  /** Detects and redacts every text with {@link PiiMasker}. */
  @Benchmark
  public long tdeveloperScanAndMask() {
    long length = 0;
    for (String text : texts) {
      length += masker.mask(TENANT, text).length();
    }
    return length;
  }

  /** Detects and redacts every text with every regex over the whole text. */
  @Benchmark
  public long naiveRegexScanAndMask() {
    long length = 0;
    for (String text : texts) {
      length += naive.mask(text).length();
    }
    return length;
  }
}
