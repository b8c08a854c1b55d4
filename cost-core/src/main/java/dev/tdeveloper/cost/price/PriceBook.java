package dev.tdeveloper.cost.price;

import dev.tdeveloper.cost.money.Money;
import java.util.Currency;
import java.util.Optional;
import java.util.Set;

/** Unit prices in one currency. Implementations are immutable and thread-safe. */
public interface PriceBook {
  /**
   * The currency of every price.
   *
   * @return the currency
   */
  Currency currency();

  /**
   * The unit price for a key.
   *
   * @param key region, resource, model (and egress destination)
   * @return the price per {@link ResourceType#unit()}, or empty when the book has none
   */
  Optional<Money> unitPrice(PriceKey key);

  /**
   * Every key the book prices.
   *
   * @return the keys
   */
  Set<PriceKey> keys();
}
