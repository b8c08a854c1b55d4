package dev.tdeveloper.cost.price;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How capacity is bought. */
public enum PricingModel {
  /** Pay as you go at list price. */
  ON_DEMAND("on-demand"),
  /** Spare capacity at a discount, reclaimable by the provider. */
  SPOT("spot"),
  /** A commitment (reserved instances, savings plans) at a discount for a term. */
  COMMITTED("committed");

  private final String key;

  PricingModel(String key) {
    this.key = key;
  }

  /**
   * The name in price books and exports.
   *
   * @return {@code "on-demand"}, {@code "spot"} or {@code "committed"}
   */
  public String key() {
    return key;
  }

  /**
   * The model with this key (case-insensitive; {@code on_demand} is accepted too).
   *
   * @param key a model name
   * @return the model
   * @throws IllegalArgumentException naming the key and the allowed ones
   */
  public static PricingModel parse(String key) {
    String k = key.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    for (PricingModel m : values()) {
      if (m.key.equals(k)) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        "pricingModel: unknown model '"
            + key
            + "'; allowed: "
            + Arrays.stream(values()).map(PricingModel::key).collect(Collectors.joining(", ")));
  }
}
