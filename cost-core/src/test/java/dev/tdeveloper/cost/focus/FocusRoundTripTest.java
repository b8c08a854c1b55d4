package dev.tdeveloper.cost.focus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.cost.allocation.Asset;
import dev.tdeveloper.cost.allocation.CostLine;
import dev.tdeveloper.cost.allocation.CostLineKind;
import dev.tdeveloper.cost.money.Money;
import dev.tdeveloper.cost.price.PricingModel;
import dev.tdeveloper.cost.price.ResourceType;
import dev.tdeveloper.cost.usage.CostPeriod;
import dev.tdeveloper.tenancy.TenantId;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Export, then import: the same numbers per asset, resource and period, to the last digit. */
class FocusRoundTripTest {
  private static final Instant MAY_1 = Instant.parse("2024-05-01T00:00:00Z");
  private static final CostPeriod MAY = CostPeriod.of(MAY_1, Instant.parse("2024-06-01T00:00:00Z"));

  private static List<Asset> roundTrip(List<CostLine> lines) throws IOException {
    Path dir = Files.createTempDirectory("focus-round-trip");
    try {
      Path file = dir.resolve("export.csv");
      Files.writeString(file, FocusExporter.defaults().toCsv(lines), StandardCharsets.UTF_8);
      return FocusCsvBillingImporter.of(file).assets(MAY);
    } finally {
      try (var files = Files.list(dir)) {
        for (Path p : files.toList()) {
          Files.delete(p);
        }
      }
      Files.delete(dir);
    }
  }

  private record Key(String assetId, ResourceType resource, CostPeriod period) {}

  @Test
  void sumsPerAssetResourceAndPeriodSurviveExactly() throws IOException {
    CostPeriod h = CostPeriod.of(MAY_1, MAY_1.plus(1, ChronoUnit.HOURS));
    List<CostLine> lines =
        List.of(
            line(CostLineKind.USAGE, "acme", "node-7", ResourceType.VCPU, h, "12.5", "4.123457"),
            line(CostLineKind.IDLE_SHARE, "beta", "node-7", ResourceType.VCPU, h, "1", "0.000001"),
            line(CostLineKind.IDLE, null, "node-7", ResourceType.VCPU, h, "3", "0.876542"),
            line(CostLineKind.USAGE, "acme", "vol-1", ResourceType.STORAGE, h, "0.5", "10"));
    List<Asset> assets = roundTrip(lines);

    Map<Key, BigDecimal> exported =
        lines.stream()
            .collect(
                Collectors.groupingBy(
                    l -> new Key(l.assetId(), l.resource(), l.period()),
                    Collectors.reducing(
                        BigDecimal.ZERO, l -> l.amount().amount(), BigDecimal::add)));
    Map<Key, BigDecimal> imported =
        assets.stream()
            .collect(
                Collectors.groupingBy(
                    a -> new Key(a.id(), a.resource(), a.period()),
                    Collectors.reducing(
                        BigDecimal.ZERO, a -> a.effectiveCost().amount(), BigDecimal::add)));
    assertThat(imported).isEqualTo(exported);
    assertThat(imported.get(new Key("node-7", ResourceType.VCPU, h))).isEqualTo("5.000000");
    assertThat(assets.get(2).tags()).doesNotContainKey(FocusExporter.TAG_TENANT);
  }

  @Property(tries = 200)
  void everyLineImportsBackToTheSameNumbers(@ForAll("lines") List<CostLine> lines)
      throws IOException {
    List<Asset> assets = roundTrip(lines);
    assertThat(assets).hasSameSizeAs(lines);
    for (int i = 0; i < lines.size(); i++) {
      CostLine l = lines.get(i);
      Asset a = assets.get(i);
      assertThat(a.id()).isEqualTo(l.assetId());
      assertThat(a.service()).isEqualTo(l.service());
      assertThat(a.region()).isEqualTo(l.region());
      assertThat(a.resource()).isEqualTo(l.resource());
      assertThat(a.model()).isEqualTo(l.model());
      assertThat(a.period()).isEqualTo(l.period());
      // Exact: same digits and scale, not just the same value.
      assertThat(a.effectiveCost().amount()).isEqualTo(l.amount().amount());
      assertThat(a.billedCost().amount()).isEqualTo(l.amount().amount());
      assertThat(a.listCost().amount()).isEqualTo(l.amount().amount());
      assertThat(a.effectiveCost().currency()).isEqualTo(l.amount().currency());
      assertThat(a.capacity()).isEqualTo(l.quantity());
      assertThat(a.tags().get(FocusExporter.TAG_EXPLANATION)).isEqualTo(l.explanation());
      assertThat(a.tags().get(FocusExporter.TAG_RULE)).isEqualTo(l.rule());
      assertThat(a.tags().get(FocusExporter.TAG_SHARE)).isEqualTo(l.share().toPlainString());
      assertThat(Optional.ofNullable(a.tags().get(FocusExporter.TAG_TENANT)).map(TenantId::of))
          .isEqualTo(l.tenant());
    }
  }

  @Provide
  Arbitrary<List<CostLine>> lines() {
    Arbitrary<String> text =
        Arbitraries.strings()
            .withCharRange(' ', '\uD7FF')
            .withChars(',', '"', '\n', '\r', '\t', 'é', '日', '✓')
            .ofMaxLength(40);
    Arbitrary<String> name =
        Arbitraries.strings()
            .withChars("abcXYZ09-_.:/, \"é日")
            .ofMinLength(1)
            .ofMaxLength(16)
            .filter(s -> !s.isBlank() && s.strip().equals(s));
    Arbitrary<BigDecimal> amount =
        Combinators.combine(
                Arbitraries.longs().between(0, 999_999_999_999L),
                Arbitraries.integers().between(0, 6))
            .as(BigDecimal::valueOf);
    Arbitrary<CostLine> line =
        Combinators.combine(
                Arbitraries.of(CostLineKind.values()),
                Arbitraries.strings().withChars("abc123").ofMinLength(1).ofMaxLength(8),
                name,
                name,
                Arbitraries.of(ResourceType.values()),
                Arbitraries.of(PricingModel.values()),
                Arbitraries.integers().between(0, 24 * 30 - 1),
                amount)
            .as(
                (kind, tenant, id, service, resource, model, hour, money) -> {
                  boolean tenantLine =
                      kind == CostLineKind.USAGE
                          || kind == CostLineKind.IDLE_SHARE
                          || kind == CostLineKind.SHARED_SHARE;
                  Instant start = MAY_1.plus(hour, ChronoUnit.HOURS);
                  return new CostLine(
                      kind,
                      tenantLine ? Optional.of(TenantId.of(tenant)) : Optional.empty(),
                      id,
                      service,
                      "region-" + hour % 3,
                      resource,
                      model,
                      CostPeriod.of(start, start.plus(1, ChronoUnit.HOURS)),
                      money.movePointLeft(2).abs(),
                      Money.of(money, java.util.Currency.getInstance("EUR")),
                      "rule." + kind.name().toLowerCase(java.util.Locale.ROOT),
                      new BigDecimal("0.333333"),
                      "x");
                });
    return Combinators.combine(line, text)
        .as(
            (l, t) ->
                new CostLine(
                    l.kind(),
                    l.tenant(),
                    l.assetId(),
                    l.service(),
                    l.region(),
                    l.resource(),
                    l.model(),
                    l.period(),
                    l.quantity(),
                    l.amount(),
                    l.rule(),
                    l.share(),
                    t))
        .list()
        .ofMaxSize(12);
  }

  private static CostLine line(
      CostLineKind kind,
      String tenant,
      String asset,
      ResourceType resource,
      CostPeriod period,
      String quantity,
      String amount) {
    return new CostLine(
        kind,
        Optional.ofNullable(tenant).map(TenantId::of),
        asset,
        "svc",
        "eu-west-1",
        resource,
        PricingModel.ON_DEMAND,
        period,
        new BigDecimal(quantity),
        Money.of(amount, "USD"),
        "rule",
        BigDecimal.ONE,
        "because");
  }
}
