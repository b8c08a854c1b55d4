package dev.tdeveloper.cost.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.cost.CostException;
import dev.tdeveloper.cost.allocation.Asset;
import dev.tdeveloper.cost.money.Money;
import dev.tdeveloper.cost.price.PricingModel;
import dev.tdeveloper.cost.price.ResourceType;
import dev.tdeveloper.cost.spi.BillingImporter;
import dev.tdeveloper.cost.usage.CostPeriod;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link BillingImporter} passes. A subclass writes the {@linkplain #knownBill()
 * known bill} in its own format (a FOCUS file, a fake cloud API) and returns an importer over it;
 * the kit checks period filtering (assets whose charge period lies inside the requested period, in
 * bill order), exact decimals (six-decimal amounts, billed and list costs distinct from the
 * effective cost), tags (punctuation, quotes, unicode) and errors (a corrupt bill is a {@link
 * CostException}, every time).
 */
public abstract class BillingImporterContract {
  /** Day one of the known bill: 2024-05-01, UTC. */
  protected static final CostPeriod DAY_1 = day("2024-05-01T00:00:00Z", "2024-05-02T00:00:00Z");

  /** Day two of the known bill: 2024-05-02, UTC. */
  protected static final CostPeriod DAY_2 = day("2024-05-02T00:00:00Z", "2024-05-03T00:00:00Z");

  /** The whole of May 2024, enclosing every asset of the known bill. */
  protected static final CostPeriod MAY = day("2024-05-01T00:00:00Z", "2024-06-01T00:00:00Z");

  /** Creates the kit. */
  protected BillingImporterContract() {}

  /**
   * An importer whose bill holds exactly {@code bill}, in that order.
   *
   * @param bill the assets to write in the importer's format
   * @return the importer
   */
  protected abstract BillingImporter importerOver(List<Asset> bill);

  /**
   * An importer whose bill cannot be read: the known bill with its second asset's effective cost
   * replaced by text that is not a number (or the format's closest equivalent).
   *
   * @return the importer
   */
  protected abstract BillingImporter importerOverCorruptBill();

  /**
   * The known bill: four assets over two days, with six-decimal amounts, distinct billed, list and
   * effective costs, every pricing model and tags with punctuation and unicode.
   *
   * @return the assets, in bill order
   */
  protected static List<Asset> knownBill() {
    return List.of(
        new Asset(
            "node-1",
            "Amazon EC2",
            "eu-west-1",
            ResourceType.VCPU,
            PricingModel.ON_DEMAND,
            DAY_1,
            usd("12.345678"),
            usd("13.000001"),
            usd("15.5"),
            new BigDecimal("96"),
            Map.of("team", "payments, \"core\"", "env", "prod")),
        new Asset(
            "node-1-ram",
            "Amazon EC2",
            "eu-west-1",
            ResourceType.RAM,
            PricingModel.SPOT,
            DAY_1,
            usd("0.000001"),
            usd("0.000001"),
            usd("0.000003"),
            new BigDecimal("384.5"),
            Map.of("owner", "zoë ✓ 日本")),
        new Asset(
            "vol-9",
            "Amazon EBS",
            "us-east-1",
            ResourceType.STORAGE,
            PricingModel.COMMITTED,
            DAY_2,
            usd("1234567.123456"),
            usd("1234567.123456"),
            usd("2000000"),
            new BigDecimal("0.25"),
            Map.of()),
        new Asset(
            "node-1",
            "Amazon EC2",
            "eu-west-1",
            ResourceType.VCPU,
            PricingModel.ON_DEMAND,
            DAY_2,
            usd("0"),
            usd("0"),
            usd("0"),
            new BigDecimal("0"),
            Map.of("multi\nline", "a\r\nb")));
  }

  @Test
  void readsEveryAssetOfTheBillInOrder() {
    assertSame(importerOver(knownBill()).assets(MAY), knownBill());
  }

  @Test
  void returnsOnlyAssetsWhoseChargePeriodLiesInsideThePeriod() {
    BillingImporter importer = importerOver(knownBill());
    assertSame(importer.assets(DAY_1), knownBill().subList(0, 2));
    assertSame(importer.assets(DAY_2), knownBill().subList(2, 4));
    CostPeriod straddling = day("2024-05-01T12:00:00Z", "2024-05-02T12:00:00Z");
    assertThat(importer.assets(straddling)).isEmpty();
    assertThat(importer.assets(day("2024-04-01T00:00:00Z", "2024-05-01T00:00:00Z"))).isEmpty();
  }

  @Test
  void keepsSixDecimalAmountsExactly() {
    List<Asset> read = importerOver(knownBill()).assets(MAY);
    assertThat(read.get(1).effectiveCost().amount()).isEqualByComparingTo("0.000001");
    assertThat(read.get(1).listCost().amount()).isEqualByComparingTo("0.000003");
    assertThat(read.get(2).effectiveCost().amount()).isEqualByComparingTo("1234567.123456");
    assertThat(read.get(0).billedCost().amount()).isEqualByComparingTo("13.000001");
    assertThat(read.get(1).capacity()).isEqualByComparingTo("384.5");
  }

  @Test
  void keepsTagsWithPunctuationAndUnicode() {
    List<Asset> read = importerOver(knownBill()).assets(MAY);
    assertThat(read.get(0).tags()).containsEntry("team", "payments, \"core\"");
    assertThat(read.get(1).tags()).containsEntry("owner", "zoë ✓ 日本");
    assertThat(read.get(3).tags()).containsEntry("multi\nline", "a\r\nb");
  }

  @Test
  void readingTwiceGivesTheSameAssets() {
    BillingImporter importer = importerOver(knownBill());
    assertSame(importer.assets(MAY), importer.assets(MAY));
  }

  @Test
  void refusesACorruptBillWithACostExceptionEveryTime() {
    BillingImporter importer = importerOverCorruptBill();
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> importer.assets(MAY))
          .isInstanceOf(CostException.class)
          .satisfies(e -> assertThat(e.getMessage()).isNotBlank());
    }
  }

  @Test
  void hasAStableName() {
    BillingImporter importer = importerOver(knownBill());
    assertThat(importer.name()).isNotBlank().isEqualTo(importer.name());
  }

  @Test
  void refusesANullPeriod() {
    BillingImporter importer = importerOver(knownBill());
    assertThatThrownBy(() -> importer.assets(null)).isInstanceOf(NullPointerException.class);
  }

  /**
   * Asserts two asset lists are equal field by field, decimals compared by value.
   *
   * @param actual what the importer returned
   * @param expected what the bill holds
   */
  protected static void assertSame(List<Asset> actual, List<Asset> expected) {
    assertThat(actual).hasSameSizeAs(expected);
    for (int i = 0; i < expected.size(); i++) {
      Asset a = actual.get(i);
      Asset e = expected.get(i);
      assertThat(a.capacity()).as("capacity of asset %d", i).isEqualByComparingTo(e.capacity());
      assertThat(withCapacity(a, e.capacity())).as("asset %d", i).isEqualTo(e);
    }
  }

  private static Asset withCapacity(Asset a, BigDecimal capacity) {
    return new Asset(
        a.id(),
        a.service(),
        a.region(),
        a.resource(),
        a.model(),
        a.period(),
        a.effectiveCost(),
        a.billedCost(),
        a.listCost(),
        capacity,
        a.tags());
  }

  private static Money usd(String amount) {
    return Money.of(amount, "USD");
  }

  private static CostPeriod day(String start, String end) {
    return CostPeriod.of(Instant.parse(start), Instant.parse(end));
  }
}
