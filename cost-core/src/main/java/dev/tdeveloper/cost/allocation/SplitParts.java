package dev.tdeveloper.cost.allocation;

import dev.tdeveloper.cost.money.Apportionment;
import dev.tdeveloper.cost.money.Money;
import dev.tdeveloper.tenancy.TenantId;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The parts of one asset's cost after {@link Apportionment}: counts of units of the bill's
 * precision in {@code long}s when they fit (the common case: nothing is allocated per part), else
 * {@link BigDecimal}s. Confined to one allocation run.
 */
final class SplitParts {
  private final long[] units;
  private final int scale;
  private final BigDecimal[] big;

  private SplitParts(long[] units, int scale, BigDecimal[] big) {
    this.units = units;
    this.scale = scale;
    this.big = big;
  }

  /** Splits a cost among weights (see {@link Apportionment}). */
  static SplitParts of(Money cost, List<BigDecimal> weights) {
    int scale = Apportionment.unitScale(cost);
    Optional<long[]> units = Apportionment.splitUnits(cost.amount(), scale, weights);
    return units.isPresent()
        ? new SplitParts(units.get(), scale, null)
        : new SplitParts(null, scale, Apportionment.split(cost.amount(), scale, weights));
  }

  /**
   * Splits a cost among weights already in one common unit, or returns null when a product does not
   * fit a {@code long} (then split the decimal weights).
   */
  static SplitParts of(Money cost, long[] weights) {
    int scale = Apportionment.unitScale(cost);
    BigDecimal amount = cost.amount().setScale(scale);
    if (amount.precision() > 18) {
      return null;
    }
    Optional<long[]> units =
        Apportionment.splitUnits(amount.unscaledValue().longValueExact(), weights);
    return units.isPresent() ? new SplitParts(units.get(), scale, null) : null;
  }

  /** Part {@code k} as a line of the table. */
  void addTo(
      PartTable out,
      int k,
      CostLineKind kind,
      TenantId tenant,
      Asset asset,
      BigDecimal quantity,
      String rule,
      Part.Basis basis) {
    if (units != null) {
      out.add(kind, tenant, asset, quantity, units[k], scale, rule, basis);
    } else {
      out.add(kind, tenant, asset, quantity, big[k], rule, basis);
    }
  }

  /** Adds part {@code k} to a running sum. */
  void addTo(ExactSum sum, int k) {
    if (units != null) {
      sum.addUnits(units[k], scale);
    } else {
      sum.add(big[k]);
    }
  }

  /** Part {@code k}. */
  BigDecimal amount(int k) {
    return units != null ? BigDecimal.valueOf(units[k], scale) : big[k];
  }

  /** The number of parts. */
  int size() {
    return units != null ? units.length : big.length;
  }
}
