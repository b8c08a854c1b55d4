package dev.tdeveloper.cost.price;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.cost.money.Money;
import dev.tdeveloper.cost.price.PriceBookLoader.Format;
import dev.tdeveloper.tenancy.config.ConfigProblem;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PriceBookLoaderTest {
  static final String YAML =
      """
      currency: USD
      regions:
        us-east-1:
          on-demand:
            vcpu: 0.0400
            ram: 0.0050
            storage: 0.08
            gpu: 2.50
            requests: 0.0000004
            egress: {internet: 0.09, inter-region: 0.02, same-region: 0}
          spot: {vcpu: 0.0140, ram: '0.0018'}
          committed:
            vcpu: 1_000.25
        some-new-region:
          on_demand: {vcpu: 1}
      """;

  static final String JSON =
      """
      {"currency": "EUR",
       "regions": {"eu-west-1": {"on-demand": {"vcpu": 0.0446, "requests": 0.0000004,
                                              "egress": {"internet": 0.09}},
                                "spot": {"ram": 0.0017}}}}
      """;

  @TempDir Path dir;

  @Test
  void loadsEveryPriceOfAYamlBook() {
    StaticPriceBook book = PriceBookLoader.parse("prices.yaml", YAML, Format.YAML);

    assertThat(book.currency().getCurrencyCode()).isEqualTo("USD");
    assertThat(book.keys()).hasSize(12);
    assertThat(price(book, PriceKey.of("us-east-1", ResourceType.VCPU, PricingModel.ON_DEMAND)))
        .isEqualTo(new BigDecimal("0.0400"));
    assertThat(price(book, PriceKey.of("us-east-1", ResourceType.RAM, PricingModel.SPOT)))
        .isEqualTo(new BigDecimal("0.0018"));
    assertThat(price(book, PriceKey.egress("us-east-1", "same-region"))).isEqualTo("0");
    assertThat(price(book, PriceKey.of("us-east-1", ResourceType.VCPU, PricingModel.COMMITTED)))
        .isEqualTo(new BigDecimal("1000.25"));
    assertThat(
            price(book, PriceKey.of("some-new-region", ResourceType.VCPU, PricingModel.ON_DEMAND)))
        .isEqualTo("1");
  }

  @Test
  void loadsAJsonBookFromAFileNamedByExtension() throws IOException {
    Path file = dir.resolve("prices.json");
    Files.writeString(file, JSON);

    StaticPriceBook book = PriceBookLoader.load(file);

    assertThat(book.currency().getCurrencyCode()).isEqualTo("EUR");
    assertThat(book.keys()).hasSize(4);
    assertThat(book.unitPrice(PriceKey.egress("eu-west-1", "internet")))
        .contains(Money.of("0.09", "EUR"));
    assertThat(price(book, PriceKey.of("eu-west-1", ResourceType.REQUESTS, PricingModel.ON_DEMAND)))
        .isEqualTo(new BigDecimal("0.0000004"));
  }

  @Test
  void keepsTheDigitsOfFloatsExactly() {
    String text =
        """
        currency: USD
        regions:
          r:
            on-demand: {requests: 0.0000004, vcpu: 0.12345678901234567, ram: 0.1, gpu: 4.0E-7}
        """;
    StaticPriceBook book = PriceBookLoader.parse("exact.yaml", text, Format.YAML);

    assertThat(price(book, PriceKey.of("r", ResourceType.REQUESTS, PricingModel.ON_DEMAND)))
        .isEqualTo(new BigDecimal("0.0000004"));
    // A double would hold 0.12345678901234566 (its shortest form): the written digits survive.
    assertThat(price(book, PriceKey.of("r", ResourceType.VCPU, PricingModel.ON_DEMAND)))
        .isEqualTo(new BigDecimal("0.12345678901234567"));
    assertThat(price(book, PriceKey.of("r", ResourceType.RAM, PricingModel.ON_DEMAND)))
        .isEqualTo(new BigDecimal("0.1"));
    assertThat(price(book, PriceKey.of("r", ResourceType.GPU, PricingModel.ON_DEMAND)))
        .isEqualByComparingTo("0.0000004");
  }

  @Test
  void keepsTheDigitsOfJsonNumbersExactly() {
    String text =
        "{\"currency\":\"USD\",\"regions\":{\"r\":{\"spot\":{\"vcpu\":0.12345678901234567}}}}";
    StaticPriceBook book = PriceBookLoader.parse("exact.json", text, Format.JSON);

    assertThat(price(book, PriceKey.of("r", ResourceType.VCPU, PricingModel.SPOT)))
        .isEqualTo(new BigDecimal("0.12345678901234567"));
  }

  @Test
  void reportsEveryProblemAtOnceInFileOrderWithLocations() {
    String text =
        """
        currency: usd-ish
        colour: blue
        regions:
          us-east-1:
            reserved: {vcpu: 1}
            on-demand:
              vcpu: -0.04
              cpu: 0.04
              ram: cheap
              egress: 0.09
            spot:
              egress: {}
            committed: {}
          eu-west-1: {}
          ap-south-1: 3
        """;

    assertThatThrownBy(() -> PriceBookLoader.parse("bad.yaml", text, Format.YAML))
        .isInstanceOf(PriceBookException.class)
        .satisfies(
            e -> {
              List<String> messages =
                  ((PriceBookException) e).problems().stream().map(ConfigProblem::message).toList();
              assertThat(messages)
                  .containsExactly(
                      "bad.yaml:1:11: currency: not an ISO 4217 currency code; value: usd-ish;"
                          + " allowed: an ISO 4217 code such as USD, EUR or GBP",
                      "bad.yaml:2:1: colour: unknown key; value: colour;"
                          + " allowed: one of [currency, description, regions]",
                      "bad.yaml:5:5: regions.us-east-1.reserved: unknown pricing model;"
                          + " value: reserved; allowed: on-demand, spot, committed",
                      "bad.yaml:7:13: regions.us-east-1.on-demand.vcpu: negative price;"
                          + " value: -0.04; allowed: a decimal number >= 0, the price per"
                          + " vCPU-hour, such as 0.0400 or '0.0400'",
                      "bad.yaml:8:7: regions.us-east-1.on-demand.cpu: unknown resource;"
                          + " value: cpu; allowed: vcpu, ram, storage, egress, requests, gpu",
                      "bad.yaml:9:12: regions.us-east-1.on-demand.ram: not a decimal number;"
                          + " value: cheap; allowed: a decimal number >= 0, the price per"
                          + " GB-hour, such as 0.0400 or '0.0400'",
                      "bad.yaml:10:15: regions.us-east-1.on-demand.egress: egress is priced per"
                          + " destination, got a number '0.09'; value: 0.09; allowed: a mapping"
                          + " of destination to price per GB, e.g. {internet: 0.09, inter-region:"
                          + " 0.02}",
                      "bad.yaml:12:15: regions.us-east-1.spot.egress: empty mapping;"
                          + " value: (a mapping); allowed: a mapping of destination to price per"
                          + " GB, e.g. {internet: 0.09, inter-region: 0.02}",
                      "bad.yaml:13:16: regions.us-east-1.committed: empty mapping;"
                          + " value: (a mapping); allowed: a mapping of resource (vcpu, ram,"
                          + " storage, egress, requests, gpu) to unit prices",
                      "bad.yaml:14:14: regions.eu-west-1: empty mapping; value: (a mapping);"
                          + " allowed: a mapping of pricing model (on-demand, spot, committed) to"
                          + " prices",
                      "bad.yaml:15:15: regions.ap-south-1: expected a mapping, got an integer"
                          + " '3'; value: 3; allowed: a mapping of pricing model (on-demand, spot,"
                          + " committed) to prices");
              assertThat(e.getMessage()).startsWith("price book: 11 problems:\n  bad.yaml:1:11:");
            });
  }

  @Test
  void refusesAModelOrResourceGivenTwiceUnderTwoSpellings() {
    String text =
        """
        currency: USD
        regions:
          r:
            on-demand: {vcpu: 1, VCPU: 2}
            on_demand: {ram: 1}
        """;

    assertThatThrownBy(() -> PriceBookLoader.parse("twice.yaml", text, Format.YAML))
        .isInstanceOf(PriceBookException.class)
        .hasMessageContaining(
            "twice.yaml:4:26: regions.r.on-demand.VCPU: resource given twice, as 'vcpu' and"
                + " 'VCPU'")
        .hasMessageContaining(
            "twice.yaml:5:5: regions.r.on_demand: pricing model given twice, as 'on-demand' and"
                + " 'on_demand'");
  }

  @Test
  void reportsMissingKeysAndAnEmptyFile() {
    assertThatThrownBy(() -> PriceBookLoader.parse("m.yaml", "description: 3\n", Format.YAML))
        .isInstanceOf(PriceBookException.class)
        .hasMessageContaining("m.yaml:1:14: description: expected a string; value: 3")
        .hasMessageContaining("m.yaml:1:1: currency: required key missing")
        .hasMessageContaining("m.yaml:1:1: regions: required key missing");
    assertThatThrownBy(() -> PriceBookLoader.parse("e.yaml", "# nothing\n", Format.YAML))
        .hasMessage(
            "price book: e.yaml:1:1: (root): the file holds no price book; value: (empty);"
                + " allowed: a mapping with currency and regions");
  }

  @Test
  void reportsSyntaxErrorsWithTheirLocation() {
    assertThatThrownBy(
            () -> PriceBookLoader.parse("bad.json", "{\"currency\": \"USD\",\n }", Format.JSON))
        .isInstanceOf(PriceBookException.class)
        .hasMessageStartingWith("price book: bad.json:2:2: (root): invalid JSON:");
    assertThatThrownBy(
            () -> PriceBookLoader.parse("dup.yaml", "currency: USD\ncurrency: EUR\n", Format.YAML))
        .isInstanceOf(PriceBookException.class)
        .hasMessageContaining("dup.yaml:2:")
        .hasMessageContaining("duplicate key");
  }

  @Test
  void refusesAFileWhoseExtensionNamesNoFormatUnlessTheFormatIsGiven() throws IOException {
    Path file = dir.resolve("prices.txt");
    Files.write(file, YAML.getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> PriceBookLoader.load(file))
        .isInstanceOf(PriceBookException.class)
        .hasMessageContaining("unknown price book format");
    assertThat(PriceBookLoader.load(file, Format.YAML).keys()).hasSize(12);
  }

  @Test
  void reportsAnUnreadableFile() {
    assertThatThrownBy(() -> PriceBookLoader.load(dir.resolve("absent.yaml")))
        .isInstanceOf(PriceBookException.class)
        .hasMessageContaining("absent.yaml");
  }

  private static BigDecimal price(PriceBook book, PriceKey key) {
    return PriceBooks.lookup(book, key).amount();
  }
}
