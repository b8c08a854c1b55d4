package dev.tdeveloper.cost.price;

import dev.tdeveloper.cost.CostException;
import java.util.Objects;

/**
 * Thrown by {@link PriceBooks#lookup} when a price book has no unit price for a key: a usage or
 * asset in a region, resource or pricing model the book does not cover. Immutable and thread-safe.
 */
public final class MissingPriceException extends CostException {
  private static final long serialVersionUID = 1L;

  private final transient PriceKey key;

  /**
   * Creates the exception.
   *
   * @param key the key without a price
   * @param message what is missing and what the book does price
   */
  public MissingPriceException(PriceKey key, String message) {
    super(message);
    this.key = Objects.requireNonNull(key, "key");
  }

  /**
   * The key the book has no price for.
   *
   * @return the key
   */
  public PriceKey key() {
    return key;
  }
}
