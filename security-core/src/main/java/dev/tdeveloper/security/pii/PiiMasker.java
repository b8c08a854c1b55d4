package dev.tdeveloper.security.pii;

import dev.tdeveloper.security.pii.internal.MaskCrypto;
import dev.tdeveloper.tenancy.TenantId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Replaces the PII a {@link PiiDetector} finds, each entity with its {@link MaskingStrategy}
 * (default {@link MaskingStrategy#REDACT}). Keyed strategies use the tenant's keys from {@link
 * PseudonymKeys}; tokens go to the tenant's {@link TokenVault}, so pseudonyms and tokens of one
 * tenant are useless to another.
 *
 * <pre>{@code
 * PiiMasker masker = PiiMasker.builder()
 *     .strategy(PiiEntity.EMAIL, MaskingStrategy.KEYED_HASH)
 *     .strategy(PiiEntity.CREDIT_CARD, MaskingStrategy.PARTIAL)
 *     .keys(PseudonymKeys.derivedFrom(rootSecret))
 *     .build();
 * masker.mask(tenant, "alice@example.com paid with 4111 1111 1111 1111");
 * // "EMAIL_1b4f0e9852a1c3d7 paid with **** **** **** 1111"
 * }</pre>
 *
 * <p>Immutable and thread-safe (given thread-safe keys and vault).
 */
public final class PiiMasker {
  private static final String FIELD_LABEL = "PII";

  private final PiiDetector detector;
  private final Map<PiiEntity, MaskingStrategy> strategies;
  private final Optional<PseudonymKeys> keys;
  private final TokenVault vault;

  PiiMasker(
      PiiDetector detector,
      Map<PiiEntity, MaskingStrategy> strategies,
      Optional<PseudonymKeys> keys,
      TokenVault vault) {
    this.detector = detector;
    this.strategies = Map.copyOf(strategies);
    this.keys = keys;
    this.vault = vault;
  }

  /** Returns a builder of a masker. */
  public static PiiMaskerBuilder builder() {
    return new PiiMaskerBuilder();
  }

  /**
   * Returns {@code text} with every finding replaced by its entity's strategy.
   *
   * @throws NullPointerException if an argument is null
   * @throws PiiLimitExceededException if the text exceeds the detector's limits
   * @throws TokenVaultFullException if tokenizing needs a new token and the vault is full
   */
  public String mask(TenantId tenant, CharSequence text) {
    Objects.requireNonNull(tenant, "tenant");
    List<PiiFinding> findings = detector.detect(text);
    if (findings.isEmpty()) {
      return text.toString();
    }
    StringBuilder out = new StringBuilder(text.length() + 16 * findings.size());
    int copied = 0;
    for (PiiFinding finding : findings) {
      out.append(text, copied, finding.start());
      String value = text.subSequence(finding.start(), finding.end()).toString();
      out.append(apply(tenant, finding.entity().name(), value, strategyFor(finding.entity())));
      copied = finding.end();
    }
    return out.append(text, copied, text.length()).toString();
  }

  /**
   * Masks a whole value known to be {@code entity} with that entity's strategy, without detection.
   *
   * @throws NullPointerException if an argument is null
   */
  public String maskValue(TenantId tenant, PiiEntity entity, String value) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(value, "value");
    return apply(tenant, entity.name(), value, strategyFor(entity));
  }

  /** Masks a whole value of an unknown entity (a JSON field named by a rule). */
  String maskField(TenantId tenant, String value, MaskingStrategy strategy) {
    return apply(tenant, FIELD_LABEL, value, strategy);
  }

  /**
   * Returns the original of a value this masker tokenized or encrypted for {@code tenant}, or empty
   * if it is neither (or belongs to another tenant).
   */
  public Optional<String> reveal(TenantId tenant, String masked) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(masked, "masked");
    if (masked.startsWith(MaskCrypto.ENCRYPTED_PREFIX) && keys.isPresent()) {
      return MaskCrypto.decrypt(
          keys.get().key(tenant, PseudonymKeys.Purpose.ENCRYPTION), tenant, masked);
    }
    return vault.detokenize(tenant, masked);
  }

  /** Returns the strategy applied to {@code entity}. */
  public MaskingStrategy strategyFor(PiiEntity entity) {
    return strategies.getOrDefault(entity, MaskingStrategy.REDACT);
  }

  /** Returns whether this masker can apply {@code strategy} (keyed ones need keys). */
  public boolean supports(MaskingStrategy strategy) {
    return keys.isPresent()
        || (strategy != MaskingStrategy.KEYED_HASH && strategy != MaskingStrategy.ENCRYPT);
  }

  /** Returns the detector that finds what this masker replaces. */
  public PiiDetector detector() {
    return detector;
  }

  private String apply(TenantId tenant, String label, String value, MaskingStrategy strategy) {
    return switch (strategy) {
      case REDACT -> "[" + (label.equals(FIELD_LABEL) ? "REDACTED" : label) + "]";
      case PARTIAL -> partial(value);
      case KEYED_HASH ->
          label
              + "_"
              + MaskCrypto.pseudonym(
                  keys.orElseThrow().key(tenant, PseudonymKeys.Purpose.PSEUDONYM), label, value);
      case TOKENIZE -> vault.tokenize(tenant, value);
      case ENCRYPT ->
          MaskCrypto.encrypt(
              keys.orElseThrow().key(tenant, PseudonymKeys.Purpose.ENCRYPTION), tenant, value);
    };
  }

  private static String partial(String value) {
    int alnum = 0;
    for (int i = 0; i < value.length(); i++) {
      alnum += Character.isLetterOrDigit(value.charAt(i)) ? 1 : 0;
    }
    int keep = alnum >= 8 ? 4 : 0;
    char[] out = value.toCharArray();
    for (int i = out.length - 1, kept = 0; i >= 0; i--) {
      if (Character.isLetterOrDigit(out[i])) {
        if (kept < keep) {
          kept++;
        } else {
          out[i] = '*';
        }
      }
    }
    return new String(out);
  }

  @Override
  public String toString() {
    return "PiiMasker[strategies=" + strategies + ", detector=" + detector + "]";
  }
}
