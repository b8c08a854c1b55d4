package dev.tdeveloper.security.pii.eval;

import dev.tdeveloper.security.pii.PiiEntity;
import dev.tdeveloper.security.pii.PiiFinding;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Scores a detector against labelled texts, per entity, with strict matching: a finding counts only
 * if its entity, start and end equal a label's. Stateless and thread-safe.
 */
public final class PiiEvaluation {
  private PiiEvaluation() {}

  /**
   * Runs {@code detector} over every text and returns the score of each entity (every {@link
   * PiiEntity} is present, with zero counts when neither labelled nor found).
   *
   * @param detector what finds PII in one text, e.g. {@code PiiDetector.defaults()::detect}
   * @param corpus the labelled texts
   */
  public static Map<PiiEntity, EntityScore> evaluate(
      Function<String, List<PiiFinding>> detector, List<LabelledText> corpus) {
    Objects.requireNonNull(detector, "detector");
    Objects.requireNonNull(corpus, "corpus");
    int[] tp = new int[PiiEntity.values().length];
    int[] fp = new int[tp.length];
    int[] fn = new int[tp.length];
    for (LabelledText labelled : corpus) {
      Set<LabelledSpan> open = new HashSet<>(labelled.spans());
      for (PiiFinding finding : detector.apply(labelled.text())) {
        LabelledSpan as = new LabelledSpan(finding.entity(), finding.start(), finding.end());
        if (open.remove(as)) {
          tp[finding.entity().ordinal()]++;
        } else {
          fp[finding.entity().ordinal()]++;
        }
      }
      open.forEach(missed -> fn[missed.entity().ordinal()]++);
    }
    Map<PiiEntity, EntityScore> scores = new EnumMap<>(PiiEntity.class);
    for (PiiEntity e : PiiEntity.values()) {
      scores.put(e, new EntityScore(e, tp[e.ordinal()], fp[e.ordinal()], fn[e.ordinal()]));
    }
    return Collections.unmodifiableMap(scores);
  }
}
