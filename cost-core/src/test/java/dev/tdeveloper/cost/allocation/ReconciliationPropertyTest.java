package dev.tdeveloper.cost.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.cost.money.Apportionment;
import dev.tdeveloper.cost.money.Money;
import dev.tdeveloper.cost.price.PricingModel;
import dev.tdeveloper.cost.price.ResourceType;
import dev.tdeveloper.cost.usage.UsageRecord;
import dev.tdeveloper.tenancy.TenantId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The invariant of issue 11: for every idle and shared rule, random bills (costs at 2 and at 6
 * decimals), random usage and random weights, tenant lines + idle + unallocated == the bill
 * exactly, no line is negative, and each tenant's USAGE amount is within one unit of its exact
 * share {@code cost * usage / max(capacity, total usage)}.
 */
class ReconciliationPropertyTest {
  private static final String[] TENANTS = {"t0", "t1", "t2", "t3", "t4", "t5", "t6"};

  record Bill(List<Asset> assets, List<UsageRecord> usage, List<String> shared) {}

  @Provide
  Arbitrary<Bill> bills() {
    Arbitrary<Asset> asset =
        Combinators.combine(
                Arbitraries.longs().between(0, 50_000_000L),
                Arbitraries.of(2, 6),
                Arbitraries.integers().between(0, 400),
                Arbitraries.integers().between(0, 3))
            .as(
                (units, scale, cap, capScale) ->
                    Asset.of(
                        "x",
                        scale == 2 ? "Amazon EC2" : "Amazon RDS",
                        "eu-west-1",
                        ResourceType.VCPU,
                        PricingModel.ON_DEMAND,
                        Bills.MONTH,
                        Money.of(BigDecimal.valueOf(units, scale), Money.currency("USD")),
                        BigDecimal.valueOf(cap, capScale)));
    Arbitrary<UsageRecord> record =
        Combinators.combine(
                Arbitraries.of(TENANTS),
                Arbitraries.integers().between(0, 7),
                Arbitraries.integers().between(0, 5000),
                Arbitraries.integers().between(0, 5000))
            .as(
                (t, a, req, used) ->
                    new UsageRecord(
                        TenantId.of(t),
                        "w",
                        "a" + a,
                        ResourceType.VCPU,
                        Bills.MONTH,
                        BigDecimal.valueOf(req, 2),
                        BigDecimal.valueOf(used, 2)));
    return Combinators.combine(
            asset.list().ofMinSize(1).ofMaxSize(8),
            record.list().ofMaxSize(60),
            Arbitraries.integers().between(0, 7).list().ofMaxSize(3))
        .as(
            (raw, usage, sharedIdx) -> {
              List<Asset> assets = new ArrayList<>();
              for (int i = 0; i < raw.size(); i++) {
                Asset r = raw.get(i);
                assets.add(
                    Asset.of(
                        "a" + i,
                        r.service(),
                        r.region(),
                        r.resource(),
                        r.model(),
                        r.period(),
                        r.effectiveCost(),
                        r.capacity()));
              }
              List<UsageRecord> known =
                  usage.stream()
                      .filter(u -> Integer.parseInt(u.assetId().substring(1)) < assets.size())
                      .toList();
              List<String> shared =
                  sharedIdx.stream()
                      .filter(i -> i < assets.size())
                      .map(i -> "a" + i)
                      .distinct()
                      .toList();
              return new Bill(assets, known, shared);
            });
  }

  @Property(tries = 400)
  void reconcilesExactlyUnderEveryRule(
      @ForAll("bills") Bill bill,
      @ForAll IdleSharing idle,
      @ForAll SharedSplit split,
      @ForAll @IntRange(min = 0, max = 1000) int seed) {
    java.util.Random random = new java.util.Random(seed);
    Map<TenantId, BigDecimal> weights = new HashMap<>();
    for (String t : TENANTS) {
      weights.put(TenantId.of(t), BigDecimal.valueOf(random.nextInt(5), random.nextInt(3)));
    }
    CostAllocator.Builder b =
        CostAllocator.builder()
            .idleSharing(idle)
            .sharedSplit(split)
            .overCapacity(OverCapacity.SCALE_TO_CAPACITY)
            .sharedAssets(bill.shared().toArray(String[]::new));
    if (idle == IdleSharing.WEIGHTED) {
      b.tenantWeights(weights);
    }
    if (split == SharedSplit.CUSTOM) {
      b.sharedMetric(weights);
    }
    Allocation a = b.build().allocate(bill.assets(), bill.usage());

    Money expected = Money.zero(a.currency());
    for (Asset asset : bill.assets()) {
      expected = expected.plus(asset.effectiveCost());
    }
    Money parts = a.idle().plus(a.unallocated());
    for (Money m : a.tenantTotals().values()) {
      parts = parts.plus(m);
    }
    assertThat(a.total()).isEqualTo(expected);
    assertThat(parts).isEqualTo(expected);
    assertThat(a.reconcile()).isEqualTo(expected);
    assertThat(a.lines()).noneMatch(l -> l.amount().isNegative());
    for (Asset asset : bill.assets()) {
      Money perAsset =
          a.lines().stream()
              .filter(l -> l.assetId().equals(asset.id()))
              .map(CostLine::amount)
              .reduce(Money.zero(a.currency()), Money::plus);
      assertThat(perAsset).as(asset.id()).isEqualTo(asset.effectiveCost());
    }
    assertUsageWithinOneUnitOfExactShare(a, bill);
  }

  private static void assertUsageWithinOneUnitOfExactShare(Allocation a, Bill bill) {
    Map<String, BigDecimal> used = new HashMap<>();
    Map<String, BigDecimal> byTenantAndAsset = new HashMap<>();
    for (UsageRecord r : bill.usage()) {
      used.merge(r.assetId(), r.chargedQuantity(), BigDecimal::add);
      byTenantAndAsset.merge(
          r.tenant().value() + "@" + r.assetId(), r.chargedQuantity(), BigDecimal::add);
    }
    for (CostLine l : a.lines()) {
      if (l.kind() != CostLineKind.USAGE) {
        continue;
      }
      Asset asset =
          bill.assets().stream().filter(x -> x.id().equals(l.assetId())).findFirst().orElseThrow();
      BigDecimal q = byTenantAndAsset.get(l.tenant().orElseThrow().value() + "@" + l.assetId());
      BigDecimal denominator = asset.capacity().max(used.get(l.assetId()));
      BigDecimal unit =
          BigDecimal.ONE.movePointLeft(Apportionment.unitScale(asset.effectiveCost()));
      // |amount - cost * q / d| < unit  <=>  |amount * d - cost * q| < unit * d
      BigDecimal diff =
          l.amount()
              .amount()
              .multiply(denominator)
              .subtract(asset.effectiveCost().amount().multiply(q))
              .abs();
      assertThat(diff).as(l.explanation()).isLessThan(unit.multiply(denominator));
      assertThat(l.quantity()).isEqualByComparingTo(q);
    }
  }
}
