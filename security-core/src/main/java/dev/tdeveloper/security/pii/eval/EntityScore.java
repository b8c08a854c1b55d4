package dev.tdeveloper.security.pii.eval;

import dev.tdeveloper.security.pii.PiiEntity;
import java.util.Objects;

/**
 * How a detector did on one entity: true positives (a finding with the exact span and entity of a
 * label), false positives (any other finding of the entity) and false negatives (labels not found).
 * Immutable.
 *
 * @param entity the entity
 * @param truePositives findings that match a label exactly
 * @param falsePositives findings that match no label
 * @param falseNegatives labels that no finding matches
 */
public record EntityScore(
    PiiEntity entity, int truePositives, int falsePositives, int falseNegatives) {
  /**
   * Validates the counts.
   *
   * @throws IllegalArgumentException if a count is negative
   */
  public EntityScore {
    Objects.requireNonNull(entity, "entity");
    if (truePositives < 0 || falsePositives < 0 || falseNegatives < 0) {
      throw new IllegalArgumentException("counts must not be negative");
    }
  }

  /** Returns TP / (TP + FP), or 1 when nothing was found. */
  public double precision() {
    int found = truePositives + falsePositives;
    return found == 0 ? 1 : (double) truePositives / found;
  }

  /** Returns TP / (TP + FN), or 1 when nothing was labelled. */
  public double recall() {
    int labelled = truePositives + falseNegatives;
    return labelled == 0 ? 1 : (double) truePositives / labelled;
  }

  /** Returns the F2 score, which weighs recall twice as much as precision: 5PR / (4P + R). */
  public double f2() {
    double p = precision();
    double r = recall();
    return p + r == 0 ? 0 : 5 * p * r / (4 * p + r);
  }

  @Override
  public String toString() {
    return String.format(
        "%s: precision %.4f, recall %.4f, F2 %.4f (TP %d, FP %d, FN %d)",
        entity, precision(), recall(), f2(), truePositives, falsePositives, falseNegatives);
  }
}
