package dev.tdeveloper.cost.price;

import dev.tdeveloper.cost.money.Money;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A price book held in memory: a fixed map from {@link PriceKey} to unit price, all in one
 * currency. Built with {@link #builder(Currency)} (or loaded by {@link PriceBookLoader}); the
 * builder refuses a key priced twice, a negative price and a price in another currency.
 *
 * <p>Immutable and thread-safe.
 */
public final class StaticPriceBook implements PriceBook {
  /** Orders keys by region, resource, model and destination, for listings and messages. */
  static final Comparator<PriceKey> KEY_ORDER =
      Comparator.comparing(PriceKey::region)
          .thenComparing(PriceKey::resource)
          .thenComparing(PriceKey::model)
          .thenComparing(k -> k.destination().orElse(""));

  private final Currency currency;
  private final Map<PriceKey, Money> prices;

  private StaticPriceBook(Currency currency, Map<PriceKey, Money> prices) {
    this.currency = currency;
    this.prices = Map.copyOf(prices);
  }

  /**
   * Starts a book in a currency.
   *
   * @param currency the currency of every price
   * @return an empty builder
   */
  public static Builder builder(Currency currency) {
    return new Builder(Objects.requireNonNull(currency, "currency"));
  }

  @Override
  public Currency currency() {
    return currency;
  }

  @Override
  public Optional<Money> unitPrice(PriceKey key) {
    return Optional.ofNullable(prices.get(Objects.requireNonNull(key, "key")));
  }

  @Override
  public Set<PriceKey> keys() {
    return prices.keySet();
  }

  /**
   * Every price, keyed.
   *
   * @return an unmodifiable map of key to unit price
   */
  public Map<PriceKey, Money> prices() {
    return prices;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StaticPriceBook b && currency.equals(b.currency) && prices.equals(b.prices);
  }

  @Override
  public int hashCode() {
    return 31 * currency.hashCode() + prices.hashCode();
  }

  @Override
  public String toString() {
    return "StaticPriceBook[" + currency.getCurrencyCode() + ", " + prices.size() + " prices]";
  }

  /**
   * Collects prices for a {@link StaticPriceBook}. Not thread-safe; {@link #build()} copies, so a
   * built book never changes.
   */
  public static final class Builder {
    private final Currency currency;
    private final Map<PriceKey, Money> prices = new LinkedHashMap<>();

    private Builder(Currency currency) {
      this.currency = currency;
    }

    /**
     * Prices a key.
     *
     * @param key what is priced
     * @param unitPrice the price per {@link ResourceType#unit()}, in the book's currency, at least
     *     0
     * @return this builder
     * @throws IllegalArgumentException when the key is already priced (naming both prices), the
     *     price is negative or in another currency
     */
    public Builder price(PriceKey key, Money unitPrice) {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(unitPrice, "unitPrice");
      if (!unitPrice.currency().equals(currency)) {
        throw new IllegalArgumentException(
            "unitPrice: "
                + unitPrice
                + " for "
                + PriceBooks.describe(key)
                + " is not in the book's currency; allowed: "
                + currency.getCurrencyCode());
      }
      if (unitPrice.isNegative()) {
        throw new IllegalArgumentException(
            "unitPrice: "
                + unitPrice.amount().toPlainString()
                + " for "
                + PriceBooks.describe(key)
                + " is negative; allowed: >= 0");
      }
      Money earlier = prices.get(key);
      if (earlier != null) {
        throw new IllegalArgumentException(
            "key: "
                + PriceBooks.describe(key)
                + " priced twice: "
                + earlier.amount().toPlainString()
                + " and "
                + unitPrice.amount().toPlainString()
                + "; allowed: one price per key");
      }
      prices.put(key, unitPrice);
      return this;
    }

    /**
     * Prices a key in the book's currency.
     *
     * @param key what is priced
     * @param unitPrice the price per {@link ResourceType#unit()}, at least 0
     * @return this builder
     * @throws IllegalArgumentException as {@link #price(PriceKey, Money)}
     */
    public Builder price(PriceKey key, BigDecimal unitPrice) {
      return price(key, Money.of(Objects.requireNonNull(unitPrice, "unitPrice"), currency));
    }

    /**
     * Builds the book.
     *
     * @return an immutable book holding the prices given so far
     */
    public StaticPriceBook build() {
      return new StaticPriceBook(currency, prices);
    }
  }
}
