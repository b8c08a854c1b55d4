package dev.tdeveloper.cost.price;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.cost.money.Money;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PriceBooksTest {
  static final List<String> REGIONS = List.of("us-east-1", "eu-west-1", "ap-southeast-1");

  @Test
  void theDefaultBookPricesEveryResourceOnDemandInThreeRegions() {
    StaticPriceBook book = PriceBooks.defaults();

    assertThat(book.currency().getCurrencyCode()).isEqualTo("USD");
    assertThat(book.keys().stream().map(PriceKey::region).distinct()).hasSameElementsAs(REGIONS);
    for (String region : REGIONS) {
      for (ResourceType resource : ResourceType.values()) {
        if (resource != ResourceType.EGRESS) {
          assertThat(book.unitPrice(PriceKey.of(region, resource, PricingModel.ON_DEMAND)))
              .as(region + " " + resource)
              .isPresent();
        }
      }
      for (String destination : List.of("internet", "inter-region", "same-region")) {
        assertThat(book.unitPrice(PriceKey.egress(region, destination))).isPresent();
      }
      for (PricingModel model : List.of(PricingModel.SPOT, PricingModel.COMMITTED)) {
        Money onDemand =
            PriceBooks.lookup(book, PriceKey.of(region, ResourceType.VCPU, PricingModel.ON_DEMAND));
        assertThat(PriceBooks.lookup(book, PriceKey.of(region, ResourceType.VCPU, model)))
            .isLessThan(onDemand);
      }
    }
    assertThat(PriceBooks.defaults()).isSameAs(book);
  }

  @Test
  void theDocumentedDefaultPricesAreTheBundledOnes() throws IOException {
    // docs/price-book.md has a table row "| region | model | resource | price |" per price.
    Path doc = Path.of("..", "docs", "price-book.md");
    Pattern row =
        Pattern.compile(
            "^\\| `([a-z0-9-]+)` \\| `([a-z-]+)` \\| `([a-z]+)(?:\\.([a-z-]+))?` \\| ([0-9.]+) \\|",
            Pattern.MULTILINE);
    Matcher m = row.matcher(Files.readString(doc));
    int rows = 0;
    while (m.find()) {
      rows++;
      ResourceType resource = ResourceType.parse(m.group(3));
      PricingModel model = PricingModel.parse(m.group(2));
      PriceKey key =
          resource == ResourceType.EGRESS
              ? new PriceKey(m.group(1), resource, model, java.util.Optional.of(m.group(4)))
              : PriceKey.of(m.group(1), resource, model);
      assertThat(PriceBooks.lookup(PriceBooks.defaults(), key).amount())
          .as(m.group())
          .isEqualByComparingTo(m.group(5));
    }
    assertThat(rows).isEqualTo(PriceBooks.defaults().keys().size());
  }

  @Test
  void lookupOfAMissingKeyNamesItAndWhatTheRegionPrices() {
    StaticPriceBook book = PriceBooks.defaults();
    PriceKey key = PriceKey.of("us-east-1", ResourceType.STORAGE, PricingModel.SPOT);

    assertThatThrownBy(() -> PriceBooks.lookup(book, key))
        .isInstanceOf(MissingPriceException.class)
        .hasMessageStartingWith(
            "price: the price book has no price for us-east-1.spot.storage; it prices"
                + " [us-east-1.on-demand.vcpu, us-east-1.spot.vcpu,")
        .satisfies(e -> assertThat(((MissingPriceException) e).key()).isEqualTo(key));
    assertThatThrownBy(
            () ->
                PriceBooks.lookup(
                    book, PriceKey.of("mars-1", ResourceType.VCPU, PricingModel.ON_DEMAND)))
        .hasMessage(
            "price: the price book has no price for mars-1.on-demand.vcpu; it prices regions"
                + " [ap-southeast-1, eu-west-1, us-east-1]");
  }

  @Test
  void describesKeysAsTheirPathInAFile() {
    assertThat(PriceBooks.describe(PriceKey.egress("eu-west-1", "internet")))
        .isEqualTo("eu-west-1.on-demand.egress.internet");
  }
}
