package dev.tdeveloper.security.pii;

import dev.tdeveloper.security.pii.internal.PiiScanner;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Finds PII in text in one pass: cheap anchors (an {@code @}, a digit run, {@code eyJ}, {@code
 * AKIA}...) select candidates, checksums and parsers verify them (Luhn, IBAN mod 97, SSN ranges, IP
 * literals, calendar dates, JWT headers, entropy), and context words near a candidate raise its
 * score (or, for IP addresses, words such as "version" lower it). Candidates scoring at least the
 * threshold are findings; findings never overlap.
 *
 * <p>The work per call is linear in the text and bounded: a text longer than {@code maxInputChars}
 * (default {@value #DEFAULT_MAX_INPUT_CHARS}) or holding more than {@code maxFindings} (default
 * {@value #DEFAULT_MAX_FINDINGS}) findings is refused with {@link PiiLimitExceededException}. No
 * regular expression runs, so no input can make the detector backtrack.
 *
 * <p>Immutable and thread-safe.
 */
public final class PiiDetector {
  /** The default score a candidate needs to be a finding: {@value}. */
  public static final double DEFAULT_THRESHOLD = 0.5;

  /** The default number of characters searched for context words before a candidate: {@value}. */
  public static final int DEFAULT_CONTEXT_WINDOW = 40;

  /** What a context word adds to a candidate's score by default: {@value}. */
  public static final double DEFAULT_CONTEXT_BOOST = 0.35;

  /** The default longest text scanned, in characters: {@value}. */
  public static final int DEFAULT_MAX_INPUT_CHARS = 4 * 1024 * 1024;

  /** The default most findings in one text: {@value}. */
  public static final int DEFAULT_MAX_FINDINGS = 100_000;

  private static final PiiDetector DEFAULTS = builder().build();

  private final PiiScanner scanner;
  private final Set<PiiEntity> entities;
  private final double threshold;

  PiiDetector(PiiScanner scanner, Set<PiiEntity> entities, double threshold) {
    this.scanner = scanner;
    this.entities = entities;
    this.threshold = threshold;
  }

  /** Returns a detector of every entity with the default threshold, context and limits. */
  public static PiiDetector defaults() {
    return DEFAULTS;
  }

  /** Returns a builder of a detector. */
  public static PiiDetectorBuilder builder() {
    return new PiiDetectorBuilder();
  }

  /**
   * Returns the findings in {@code text}, in order of their start, never overlapping.
   *
   * @throws NullPointerException if {@code text} is null
   * @throws PiiLimitExceededException if the text is longer than {@code maxInputChars} or holds
   *     more than {@code maxFindings} findings
   */
  public List<PiiFinding> detect(CharSequence text) {
    Objects.requireNonNull(text, "text");
    return List.copyOf(scanner.scan(text));
  }

  /** Returns the entities this detector looks for. */
  public Set<PiiEntity> entities() {
    return entities;
  }

  /** Returns the score a candidate needs to be a finding. */
  public double threshold() {
    return threshold;
  }

  @Override
  public String toString() {
    return "PiiDetector[entities=" + entities + ", threshold=" + threshold + "]";
  }
}
