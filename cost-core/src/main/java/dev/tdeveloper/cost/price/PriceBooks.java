package dev.tdeveloper.cost.price;

import dev.tdeveloper.cost.CostException;
import dev.tdeveloper.cost.money.Money;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Access to the bundled default price book and strict look-ups. The default book ({@value
 * #DEFAULT_RESOURCE}, documented in {@code docs/price-book.md}) holds approximations of public
 * on-demand, spot and committed list prices for a few regions, in USD: good enough to start and to
 * test with, to be replaced with your own negotiated prices. Thread-safe: holds no mutable state.
 */
public final class PriceBooks {
  /** The class-path resource holding the default price book: {@value}. */
  public static final String DEFAULT_RESOURCE =
      "/dev/tdeveloper/cost/price/default-price-book.yaml";

  private PriceBooks() {}

  /**
   * The bundled default price book, loaded once.
   *
   * @return the default book, in USD
   */
  public static StaticPriceBook defaults() {
    return Defaults.BOOK;
  }

  /**
   * The unit price for a key, or a clear failure.
   *
   * @param book the price book
   * @param key region, resource, model (and egress destination)
   * @return the unit price
   * @throws MissingPriceException naming the key and what the book prices in that region
   */
  public static Money lookup(PriceBook book, PriceKey key) {
    Objects.requireNonNull(book, "book");
    Objects.requireNonNull(key, "key");
    return book.unitPrice(key).orElseThrow(() -> missing(book, key));
  }

  private static MissingPriceException missing(PriceBook book, PriceKey key) {
    String inRegion =
        book.keys().stream()
            .filter(k -> k.region().equals(key.region()))
            .sorted(StaticPriceBook.KEY_ORDER)
            .map(PriceBooks::describe)
            .collect(Collectors.joining(", "));
    String allowed;
    if (inRegion.isEmpty()) {
      allowed =
          "regions "
              + book.keys().stream()
                  .map(PriceKey::region)
                  .distinct()
                  .sorted()
                  .collect(Collectors.joining(", ", "[", "]"));
    } else {
      allowed = "[" + inRegion + "]";
    }
    return new MissingPriceException(
        key, "price: the price book has no price for " + describe(key) + "; it prices " + allowed);
  }

  /**
   * Names a key for messages, as its path in a price book file.
   *
   * @param key the key
   * @return {@code region.model.resource}, plus {@code .destination} for egress, e.g. {@code
   *     us-east-1.on-demand.egress.internet}
   */
  public static String describe(PriceKey key) {
    Objects.requireNonNull(key, "key");
    return key.region()
        + "."
        + key.model().key()
        + "."
        + key.resource().key()
        + key.destination().map(d -> "." + d).orElse("");
  }

  /** Loads the default book on first use (the holder idiom: thread-safe, once). */
  private static final class Defaults {
    static final StaticPriceBook BOOK = load();

    private static StaticPriceBook load() {
      try (InputStream in = PriceBooks.class.getResourceAsStream(DEFAULT_RESOURCE)) {
        if (in == null) {
          throw new CostException(
              "price: the default price book " + DEFAULT_RESOURCE + " is missing from cost-core");
        }
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        return PriceBookLoader.parse("default-price-book.yaml", text, PriceBookLoader.Format.YAML);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
