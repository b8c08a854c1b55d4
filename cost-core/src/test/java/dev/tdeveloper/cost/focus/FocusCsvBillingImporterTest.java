package dev.tdeveloper.cost.focus;

import static dev.tdeveloper.cost.focus.FocusColumns.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.cost.CostException;
import dev.tdeveloper.cost.allocation.Asset;
import dev.tdeveloper.cost.money.Money;
import dev.tdeveloper.cost.price.PricingModel;
import dev.tdeveloper.cost.price.ResourceType;
import dev.tdeveloper.cost.usage.CostPeriod;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FocusCsvBillingImporterTest {
  private static final CostPeriod DAY =
      CostPeriod.of(Instant.parse("2024-05-01T00:00:00Z"), Instant.parse("2024-05-02T00:00:00Z"));
  private static final CostPeriod MAY =
      CostPeriod.of(Instant.parse("2024-05-01T00:00:00Z"), Instant.parse("2024-06-01T00:00:00Z"));

  @TempDir Path dir;

  private static Asset asset(String id) {
    return new Asset(
        id,
        "Amazon EC2",
        "eu-west-1",
        ResourceType.VCPU,
        PricingModel.ON_DEMAND,
        DAY,
        Money.of("4.80", "USD"),
        Money.of("5.00", "USD"),
        Money.of("6.00", "USD"),
        new BigDecimal("96"),
        Map.of("env", "prod"));
  }

  private FocusCsvBillingImporter importer(UnaryOperator<List<String>> secondRowEdit) {
    String csv =
        FocusBills.csv(
            List.of(asset("node-1"), asset("node-2")),
            (i, r) -> i == 1 ? secondRowEdit.apply(r) : r);
    return FocusCsvBillingImporter.of(FocusBills.write(dir, "bill.csv", csv));
  }

  private FocusFormatException failure(UnaryOperator<List<String>> secondRowEdit) {
    Throwable t =
        org.assertj.core.api.Assertions.catchThrowable(() -> importer(secondRowEdit).assets(MAY));
    assertThat(t).isInstanceOf(FocusFormatException.class);
    return (FocusFormatException) t;
  }

  @Test
  void missingMandatoryColumnIsNamed() {
    List<String> header = new ArrayList<>(FocusBills.HEADER);
    int at = header.indexOf(PRICING_UNIT);
    header.remove(at);
    List<String> row = new ArrayList<>(FocusBills.row(asset("n")));
    row.remove(at);
    Path file = FocusBills.write(dir, "b.csv", FocusBills.csv(header, List.of(row)));
    assertThatThrownBy(() -> FocusCsvBillingImporter.of(file).assets(MAY))
        .isInstanceOf(FocusFormatException.class)
        .hasMessageContaining("row 1, column PricingUnit: mandatory column missing");
  }

  @Test
  void badDecimalNamesFileRowColumnAndValue() {
    FocusFormatException e = failure(FocusBills.set(EFFECTIVE_COST, "1.2.3"));
    assertThat(e.row()).isEqualTo(3);
    assertThat(e.column()).isEqualTo(EFFECTIVE_COST);
    assertThat(e.value()).isEqualTo("1.2.3");
    assertThat(e.source()).endsWith("bill.csv");
    assertThat(e).hasMessageContaining("bill.csv, row 3, column EffectiveCost, value '1.2.3'");
  }

  @Test
  void badTagsJsonNamesRowAndColumn() {
    assertThat(failure(FocusBills.set(TAGS, "{\"env\": prod}")))
        .hasMessageContaining("row 3, column Tags")
        .hasMessageContaining("not JSON");
    assertThat(failure(FocusBills.set(TAGS, "[\"a\"]")))
        .hasMessageContaining("allowed: a JSON object");
    assertThat(failure(FocusBills.set(TAGS, "{\"a\":{\"b\":1}}")))
        .hasMessageContaining("tag 'a' is not a string, number or boolean");
  }

  @Test
  void unknownUnitNamesRowAndValueAndBareHoursIsRefused() {
    assertThat(failure(FocusBills.set(PRICING_UNIT, "Lollipops")))
        .hasMessageContaining("row 3, column PricingUnit, value 'Lollipops': unknown unit");
    assertThat(failure(FocusBills.set(PRICING_UNIT, "Hours")).value()).isEqualTo("Hours");
  }

  @Test
  void badPeriodsCurrencyCategoryAndModelAreNamed() {
    assertThat(failure(FocusBills.set(CHARGE_PERIOD_START, "2024-05-01")).column())
        .isEqualTo(CHARGE_PERIOD_START);
    assertThat(failure(FocusBills.set(CHARGE_PERIOD_END, "2024-05-01T00:00:00Z")))
        .hasMessageContaining("not after the start");
    assertThat(failure(FocusBills.set(BILLING_CURRENCY, "XXQ")).column())
        .isEqualTo(BILLING_CURRENCY);
    assertThat(failure(FocusBills.set(CHARGE_CATEGORY, "Fee"))).hasMessageContaining("allowed:");
    assertThat(failure(FocusBills.set(PRICING_CATEGORY, "Cheap")).column())
        .isEqualTo(PRICING_CATEGORY);
    assertThat(failure(FocusBills.set(PRICING_QUANTITY, "-1")).column())
        .isEqualTo(PRICING_QUANTITY);
    assertThat(failure(FocusBills.set(RESOURCE_ID, "")).column()).isEqualTo(RESOURCE_ID);
  }

  @Test
  void nonUsageChargesAreSetAsideNotAllocated() {
    List<String> categories = List.of("Tax", "Credit", "Purchase", "Adjustment");
    List<List<String>> rows = new ArrayList<>();
    rows.add(FocusBills.row(asset("node-1")));
    for (String c : categories) {
      rows.add(FocusBills.set(CHARGE_CATEGORY, c).apply(new ArrayList<>(rows.get(0))));
    }
    rows.add(FocusBills.set(CHARGE_CLASS, "Correction").apply(new ArrayList<>(rows.get(0))));
    rows.add(FocusBills.set(BILLED_COST, "-5.00").apply(new ArrayList<>(rows.get(0))));
    Path file = FocusBills.write(dir, "b.csv", FocusBills.csv(FocusBills.HEADER, rows));

    FocusBill bill = FocusCsvBillingImporter.of(file).read(MAY);

    assertThat(bill.assets()).hasSize(1);
    assertThat(bill.setAside())
        .extracting(SetAsideCharge::chargeCategory)
        .containsExactly("Tax", "Credit", "Purchase", "Adjustment", "Usage", "Usage");
    assertThat(bill.setAside())
        .extracting(SetAsideCharge::row)
        .containsExactly(3L, 4L, 5L, 6L, 7L, 8L);
    assertThat(bill.setAside().get(4).reason()).contains("correction");
    assertThat(bill.setAside().get(5).reason()).contains("refund");
    assertThat(bill.setAside().get(5).billedCost()).isEqualTo(Money.of("-5", "USD"));
  }

  @Test
  void lenientImporterSetsAsideUnmappableUsageRows() {
    String csv =
        FocusBills.csv(
            List.of(asset("node-1"), asset("node-2")),
            (i, r) -> i == 1 ? FocusBills.set(PRICING_UNIT, "Hours").apply(r) : r);
    Path file = FocusBills.write(dir, "b.csv", csv);
    FocusBill bill = FocusCsvBillingImporter.builder(file).lenient().build().read(MAY);
    assertThat(bill.assets()).extracting(Asset::id).containsExactly("node-1");
    assertThat(bill.setAside())
        .singleElement()
        .satisfies(c -> assertThat(c.reason()).contains("PricingUnit 'Hours'"));
  }

  @Test
  void pricingModelComesFromOwnColumnThenPricingCategoryThenCommitment() {
    List<String> header = new ArrayList<>(FocusBills.HEADER);
    header.addAll(List.of(X_PRICING_MODEL, COMMITMENT_DISCOUNT_ID));
    List<List<String>> rows = new ArrayList<>();
    for (String[] v :
        new String[][] {
          {"spot", "Standard", ""},
          {"", "Dynamic", ""},
          {"", "Other", "sp-1"},
          {"", "", ""},
          {"", "Committed", ""}
        }) {
      List<String> r =
          FocusBills.set(PRICING_CATEGORY, v[1]).apply(new ArrayList<>(FocusBills.row(asset("n"))));
      r.add(v[0]);
      r.add(v[2]);
      rows.add(r);
    }
    Path file = FocusBills.write(dir, "b.csv", FocusBills.csv(header, rows));
    assertThat(FocusCsvBillingImporter.of(file).assets(MAY))
        .extracting(Asset::model)
        .containsExactly(
            PricingModel.SPOT,
            PricingModel.SPOT,
            PricingModel.COMMITTED,
            PricingModel.ON_DEMAND,
            PricingModel.COMMITTED);
  }

  @ParameterizedTest
  @CsvSource({
    "vCPU-hour,VCPU", "vCPU Hours,VCPU", "VCPU_HRS,VCPU", "GB-Hours,RAM", "GB-Mo,STORAGE",
    "GB-month,STORAGE", "GB,EGRESS", "Requests,REQUESTS", "GPU-hour,GPU", "gpu hrs,GPU"
  })
  void mapsPricingUnitSpellingsToResources(String unit, ResourceType expected) {
    Path file =
        FocusBills.write(
            dir,
            "b.csv",
            FocusBills.csv(
                List.of(asset("n")), (i, r) -> FocusBills.set(PRICING_UNIT, unit).apply(r)));
    assertThat(FocusCsvBillingImporter.of(file).assets(MAY).get(0).resource()).isEqualTo(expected);
  }

  @Test
  void tagValuesThatAreNumbersOrBooleansBecomeText() {
    Path file =
        FocusBills.write(
            dir,
            "b.csv",
            FocusBills.csv(
                List.of(asset("n")),
                (i, r) ->
                    FocusBills.set(
                            TAGS, "{\"cost\":1E+3,\"rate\":1.50,\"flag\":true,\"gone\":null}")
                        .apply(r)));
    assertThat(FocusCsvBillingImporter.of(file).assets(MAY).get(0).tags())
        .containsExactly(
            Map.entry("cost", "1000"), Map.entry("flag", "true"), Map.entry("rate", "1.50"));
  }

  @Test
  void readsEveryCsvOfADirectoryInNameOrderAndSkipsOtherFiles() throws Exception {
    FocusBills.write(dir, "b.csv", FocusBills.csv(List.of(asset("from-b"))));
    FocusBills.write(dir, "a.CSV", FocusBills.csv(List.of(asset("from-a"))));
    FocusBills.write(dir, "notes.txt", "not a bill");
    Files.createDirectory(dir.resolve("sub.csv"));
    assertThat(FocusCsvBillingImporter.of(dir).assets(MAY))
        .extracting(Asset::id)
        .containsExactly("from-a", "from-b");
  }

  @Test
  void missingSourceEmptyDirectoryAndEmptyFileAreErrors() throws Exception {
    assertThatThrownBy(() -> FocusCsvBillingImporter.of(dir.resolve("nope")).assets(MAY))
        .isInstanceOf(CostException.class)
        .hasMessageContaining("no such file or directory");
    assertThatThrownBy(() -> FocusCsvBillingImporter.of(dir).assets(MAY))
        .hasMessageContaining("holds no .csv file");
    Path empty = FocusBills.write(dir, "empty.csv", "");
    assertThatThrownBy(() -> FocusCsvBillingImporter.of(empty).assets(MAY))
        .isInstanceOf(FocusFormatException.class)
        .hasMessageContaining("row 1: empty file");
  }

  @Test
  void rowsAreCountedByRecordSoQuotedNewlinesDoNotShiftThem() {
    String csv =
        FocusBills.csv(
            List.of(asset("a"), asset("b"), asset("c")),
            (i, r) ->
                switch (i) {
                  case 0 -> FocusBills.set(TAGS, "{\"note\":\"one\\ntwo\"}").apply(r);
                  case 1 -> FocusBills.set(SERVICE_NAME, "multi\r\nline\nservice").apply(r);
                  default -> FocusBills.set(LIST_COST, "oops").apply(r);
                });
    Path file = FocusBills.write(dir, "b.csv", "\uFEFF" + csv);
    assertThatThrownBy(() -> FocusCsvBillingImporter.of(file).assets(MAY))
        .isInstanceOf(FocusFormatException.class)
        .hasMessageContaining("row 4, column ListCost, value 'oops'");
  }

  @Test
  void malformedCsvNamesTheRow() throws IOException {
    String good = FocusBills.csv(List.of(asset("a")));
    Path unterminated = FocusBills.write(dir, "u.csv", good + "\"never closed,1\r\n");
    assertThatThrownBy(() -> FocusCsvBillingImporter.of(unterminated).assets(MAY))
        .hasMessageContaining("row 3: a quoted field is not closed");
    Path stray =
        FocusBills.write(dir, "s.csv", good.replace("\"ignored, \"\"really\"\"\"", "\"x\"y"));
    assertThatThrownBy(() -> FocusCsvBillingImporter.of(stray).assets(MAY))
        .hasMessageContaining("row 2: text after the closing quote of field 3 (line 2, column");
    Path latin1 = dir.resolve("l.csv");
    Files.write(latin1, (good + "caf\u00e9\r\n").getBytes(StandardCharsets.ISO_8859_1));
    assertThatThrownBy(() -> FocusCsvBillingImporter.of(latin1).assets(MAY))
        .isExactlyInstanceOf(CostException.class)
        .hasMessageContaining("cannot be read")
        .hasMessageContaining("UTF-8");
    Path short_ = FocusBills.write(dir, "f.csv", good + "a,b\r\n");
    assertThatThrownBy(() -> FocusCsvBillingImporter.of(short_).assets(MAY))
        .hasMessageContaining("row 3: 2 fields where the header has 16");
  }

  @Test
  void rowsOutsideThePeriodAreSkippedBeforeTheirCostsAreRead() {
    Path file =
        FocusBills.write(
            dir,
            "b.csv",
            FocusBills.csv(
                List.of(asset("a"), asset("b")),
                (i, r) -> i == 1 ? FocusBills.set(EFFECTIVE_COST, "junk").apply(r) : r));
    CostPeriod june =
        CostPeriod.of(Instant.parse("2024-06-01T00:00:00Z"), Instant.parse("2024-07-01T00:00:00Z"));
    assertThat(FocusCsvBillingImporter.of(file).assets(june)).isEmpty();
  }

  @Test
  void builderRefusesABlankName() {
    assertThatThrownBy(() -> FocusCsvBillingImporter.builder(dir).name(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("name: blank");
    assertThat(FocusCsvBillingImporter.builder(dir).name("aws-cur").build().name())
        .isEqualTo("aws-cur");
  }
}
