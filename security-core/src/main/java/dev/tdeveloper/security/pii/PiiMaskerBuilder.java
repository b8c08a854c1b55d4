package dev.tdeveloper.security.pii;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Configures a {@link PiiMasker}. Each setting, and each entity's strategy, may be given once (a
 * repeat is an {@link IllegalStateException}). Not thread-safe; the built masker is.
 */
public final class PiiMaskerBuilder {
  private PiiDetector detector;
  private MaskingStrategy defaultStrategy;
  private final Map<PiiEntity, MaskingStrategy> strategies = new EnumMap<>(PiiEntity.class);
  private PseudonymKeys keys;
  private TokenVault vault;

  PiiMaskerBuilder() {}

  /** Sets the detector; defaults to {@link PiiDetector#defaults()}. */
  public PiiMaskerBuilder detector(PiiDetector detector) {
    Objects.requireNonNull(detector, "detector");
    once(this.detector, "detector");
    this.detector = detector;
    return this;
  }

  /** Sets the strategy of entities not given one; defaults to {@link MaskingStrategy#REDACT}. */
  public PiiMaskerBuilder defaultStrategy(MaskingStrategy strategy) {
    Objects.requireNonNull(strategy, "strategy");
    once(this.defaultStrategy, "defaultStrategy");
    this.defaultStrategy = strategy;
    return this;
  }

  /** Sets the strategy of {@code entity}. */
  public PiiMaskerBuilder strategy(PiiEntity entity, MaskingStrategy strategy) {
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(strategy, "strategy");
    once(strategies.get(entity), "strategy of " + entity);
    strategies.put(entity, strategy);
    return this;
  }

  /** Sets the per-tenant keys; required when a strategy is keyed (hash or encryption). */
  public PiiMaskerBuilder keys(PseudonymKeys keys) {
    Objects.requireNonNull(keys, "keys");
    once(this.keys, "keys");
    this.keys = keys;
    return this;
  }

  /** Sets the token vault; defaults to a new {@link TokenVault#inMemory()}. */
  public PiiMaskerBuilder tokenVault(TokenVault vault) {
    Objects.requireNonNull(vault, "vault");
    once(this.vault, "tokenVault");
    this.vault = vault;
    return this;
  }

  /**
   * Builds the masker.
   *
   * @throws IllegalStateException if a keyed strategy is configured without {@link #keys}
   */
  public PiiMasker build() {
    MaskingStrategy fallback = defaultStrategy == null ? MaskingStrategy.REDACT : defaultStrategy;
    Map<PiiEntity, MaskingStrategy> all = new EnumMap<>(PiiEntity.class);
    for (PiiEntity entity : PiiEntity.values()) {
      MaskingStrategy strategy = strategies.getOrDefault(entity, fallback);
      if (keys == null
          && (strategy == MaskingStrategy.KEYED_HASH || strategy == MaskingStrategy.ENCRYPT)) {
        throw new IllegalStateException(
            "strategy " + strategy + " of " + entity + " needs keys(PseudonymKeys)");
      }
      all.put(entity, strategy);
    }
    return new PiiMasker(
        detector == null ? PiiDetector.defaults() : detector,
        all,
        Optional.ofNullable(keys),
        vault == null ? TokenVault.inMemory() : vault);
  }

  private static void once(Object current, String name) {
    if (current != null) {
      throw new IllegalStateException(name + " was already set");
    }
  }
}
