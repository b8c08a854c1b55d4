package dev.tdeveloper.cost.focus;

import dev.tdeveloper.cost.money.Money;
import dev.tdeveloper.cost.usage.CostPeriod;
import java.util.Objects;

/**
 * A row of a FOCUS bill that is not an asset, kept for the report so the bill still adds up: a tax,
 * a credit, an adjustment, a purchase (its used part is already amortized into the usage rows'
 * {@code EffectiveCost}), a correction of an earlier period, a refund, or, when the importer is
 * lenient, a usage row it cannot map to an asset.
 *
 * @param source the file
 * @param row the 1-based row, the header being row 1
 * @param chargeCategory FOCUS {@code ChargeCategory}
 * @param chargeClass FOCUS {@code ChargeClass}, often empty
 * @param resourceId FOCUS {@code ResourceId}, possibly empty
 * @param serviceName FOCUS {@code ServiceName}, possibly empty
 * @param period the charge period
 * @param billedCost FOCUS {@code BilledCost}, any sign
 * @param effectiveCost FOCUS {@code EffectiveCost}, any sign
 * @param reason why it is not an asset
 */
public record SetAsideCharge(
    String source,
    long row,
    String chargeCategory,
    String chargeClass,
    String resourceId,
    String serviceName,
    CostPeriod period,
    Money billedCost,
    Money effectiveCost,
    String reason) {
  /** Validates. */
  public SetAsideCharge {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(chargeCategory, "chargeCategory");
    Objects.requireNonNull(chargeClass, "chargeClass");
    Objects.requireNonNull(resourceId, "resourceId");
    Objects.requireNonNull(serviceName, "serviceName");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(billedCost, "billedCost");
    Objects.requireNonNull(effectiveCost, "effectiveCost");
    Objects.requireNonNull(reason, "reason");
  }
}
