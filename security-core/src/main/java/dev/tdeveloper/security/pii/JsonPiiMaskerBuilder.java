package dev.tdeveloper.security.pii;

import dev.tdeveloper.security.pii.internal.PathPattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Configures a {@link JsonPiiMasker}: field rules in order (the first match wins), content
 * detection (on by default) and the deepest nesting (default {@value
 * JsonPiiMasker#DEFAULT_MAX_DEPTH}). Not thread-safe; the built masker is.
 */
public final class JsonPiiMaskerBuilder {
  private final PiiMasker masker;
  private final List<Map.Entry<PathPattern, MaskingStrategy>> rules = new ArrayList<>();
  private Boolean contentDetection;
  private Integer maxDepth;

  JsonPiiMaskerBuilder(PiiMasker masker) {
    this.masker = Objects.requireNonNull(masker, "masker");
  }

  /**
   * Masks the fields matching {@code pathPattern} with {@code strategy}. A pattern is dot-separated
   * field names (case-insensitive), {@code *} for any one, {@code **} for any number; a single name
   * matches that field at any depth.
   *
   * @throws IllegalArgumentException if the pattern is blank, has an empty segment or mixes {@code
   *     *} with a name; or if the masker cannot apply the strategy (keyed without keys)
   */
  public JsonPiiMaskerBuilder field(String pathPattern, MaskingStrategy strategy) {
    Objects.requireNonNull(pathPattern, "pathPattern");
    Objects.requireNonNull(strategy, "strategy");
    PathPattern pattern = PathPattern.parse(pathPattern);
    if (!masker.supports(strategy)) {
      throw new IllegalArgumentException(
          "field rule '"
              + pathPattern
              + "' uses "
              + strategy
              + ", which the masker has no keys for");
    }
    rules.add(Map.entry(pattern, strategy));
    return this;
  }

  /** Sets whether strings and numbers not named by a rule are scanned; defaults to true. */
  public JsonPiiMaskerBuilder contentDetection(boolean enabled) {
    if (contentDetection != null) {
      throw new IllegalStateException("contentDetection was already set");
    }
    contentDetection = enabled;
    return this;
  }

  /**
   * Sets the deepest nesting masked, 1 to 10,000; deeper trees are refused.
   *
   * @throws IllegalArgumentException if the depth is outside 1 to 10,000
   */
  public JsonPiiMaskerBuilder maxDepth(int maxDepth) {
    if (this.maxDepth != null) {
      throw new IllegalStateException("maxDepth was already set");
    }
    if (maxDepth < 1 || maxDepth > 10_000) {
      throw new IllegalArgumentException("maxDepth must be 1 to 10,000, was " + maxDepth);
    }
    this.maxDepth = maxDepth;
    return this;
  }

  /** Builds the JSON masker. */
  public JsonPiiMasker build() {
    return new JsonPiiMasker(
        masker,
        rules,
        contentDetection == null || contentDetection,
        maxDepth == null ? JsonPiiMasker.DEFAULT_MAX_DEPTH : maxDepth);
  }
}
