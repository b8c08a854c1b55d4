package dev.tdeveloper.security.pii;

import dev.tdeveloper.security.pii.internal.ContextScorer;
import dev.tdeveloper.security.pii.internal.PiiScanner;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Configures a {@link PiiDetector}. Each setting may be given once (a repeat is an {@link
 * IllegalStateException}); context words may be added many times. Not thread-safe; the built
 * detector is.
 */
public final class PiiDetectorBuilder {
  private Set<PiiEntity> entities;
  private Double threshold;
  private Integer contextWindow;
  private Double contextBoost;
  private Integer maxInputChars;
  private Integer maxFindings;
  private final Map<PiiEntity, List<String>> contextWords = new EnumMap<>(PiiEntity.class);

  PiiDetectorBuilder() {}

  /**
   * Limits detection to {@code entities}; defaults to every {@link PiiEntity}.
   *
   * @throws IllegalArgumentException if the set is empty
   */
  public PiiDetectorBuilder entities(Set<PiiEntity> entities) {
    Objects.requireNonNull(entities, "entities");
    once(this.entities, "entities");
    if (entities.isEmpty()) {
      throw new IllegalArgumentException("entities must not be empty");
    }
    this.entities = Collections.unmodifiableSet(EnumSet.copyOf(entities));
    return this;
  }

  /**
   * Sets the score a candidate needs to be a finding, above 0 and at most 1; defaults to {@value
   * PiiDetector#DEFAULT_THRESHOLD}.
   *
   * @throws IllegalArgumentException if the threshold is not in (0, 1]
   */
  public PiiDetectorBuilder threshold(double threshold) {
    once(this.threshold, "threshold");
    if (!(threshold > 0 && threshold <= 1)) {
      throw new IllegalArgumentException("threshold must be in (0, 1], was " + threshold);
    }
    this.threshold = threshold;
    return this;
  }

  /**
   * Sets how many characters before a candidate are searched for context words (half as many after
   * it), 0 to 256; defaults to {@value PiiDetector#DEFAULT_CONTEXT_WINDOW}.
   *
   * @throws IllegalArgumentException if the window is outside 0 to 256
   */
  public PiiDetectorBuilder contextWindow(int characters) {
    once(this.contextWindow, "contextWindow");
    if (characters < 0 || characters > 256) {
      throw new IllegalArgumentException("contextWindow must be 0 to 256, was " + characters);
    }
    this.contextWindow = characters;
    return this;
  }

  /**
   * Sets what a context word adds to a score, 0 to 1; defaults to {@value
   * PiiDetector#DEFAULT_CONTEXT_BOOST}.
   *
   * @throws IllegalArgumentException if the boost is not in [0, 1]
   */
  public PiiDetectorBuilder contextBoost(double boost) {
    once(this.contextBoost, "contextBoost");
    if (!(boost >= 0 && boost <= 1)) {
      throw new IllegalArgumentException("contextBoost must be in [0, 1], was " + boost);
    }
    this.contextBoost = boost;
    return this;
  }

  /**
   * Adds context words of {@code entity} to its defaults (matched case-insensitively at word
   * starts).
   *
   * @throws IllegalArgumentException if a word is blank or longer than 32 characters
   */
  public PiiDetectorBuilder contextWords(PiiEntity entity, String... words) {
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(words, "words");
    for (String word : words) {
      Objects.requireNonNull(word, "word");
      if (word.isBlank() || word.length() > 32) {
        throw new IllegalArgumentException(
            "context word must be 1 to 32 characters and not blank, was '" + word + "'");
      }
      contextWords.computeIfAbsent(entity, e -> new ArrayList<>()).add(word.strip());
    }
    return this;
  }

  /**
   * Sets the longest text scanned, 1 to 2^30 characters; defaults to {@value
   * PiiDetector#DEFAULT_MAX_INPUT_CHARS}.
   *
   * @throws IllegalArgumentException if the limit is outside 1 to 2^30
   */
  public PiiDetectorBuilder maxInputChars(int maxInputChars) {
    once(this.maxInputChars, "maxInputChars");
    if (maxInputChars < 1 || maxInputChars > (1 << 30)) {
      throw new IllegalArgumentException("maxInputChars must be 1 to 2^30, was " + maxInputChars);
    }
    this.maxInputChars = maxInputChars;
    return this;
  }

  /**
   * Sets the most findings in one text, 1 to 2^24; defaults to {@value
   * PiiDetector#DEFAULT_MAX_FINDINGS}.
   *
   * @throws IllegalArgumentException if the limit is outside 1 to 2^24
   */
  public PiiDetectorBuilder maxFindings(int maxFindings) {
    once(this.maxFindings, "maxFindings");
    if (maxFindings < 1 || maxFindings > (1 << 24)) {
      throw new IllegalArgumentException("maxFindings must be 1 to 2^24, was " + maxFindings);
    }
    this.maxFindings = maxFindings;
    return this;
  }

  /** Builds the detector. */
  public PiiDetector build() {
    Set<PiiEntity> chosen =
        entities == null
            ? Collections.unmodifiableSet(EnumSet.allOf(PiiEntity.class))
            : this.entities;
    double t = threshold == null ? PiiDetector.DEFAULT_THRESHOLD : threshold;
    ContextScorer scorer =
        new ContextScorer(
            contextWords,
            contextWindow == null ? PiiDetector.DEFAULT_CONTEXT_WINDOW : contextWindow,
            contextBoost == null ? PiiDetector.DEFAULT_CONTEXT_BOOST : contextBoost);
    PiiScanner scanner =
        new PiiScanner(
            chosen,
            t,
            scorer,
            maxInputChars == null ? PiiDetector.DEFAULT_MAX_INPUT_CHARS : maxInputChars,
            maxFindings == null ? PiiDetector.DEFAULT_MAX_FINDINGS : maxFindings);
    return new PiiDetector(scanner, chosen, t);
  }

  private static void once(Object current, String name) {
    if (current != null) {
      throw new IllegalStateException(name + " was already set");
    }
  }
}
