package dev.tdeveloper.cost.report;

import dev.tdeveloper.cost.money.Money;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * The report's headline numbers over its whole period. {@code allocatedToTenants + idle +
 * unallocated == total} exactly when {@link #reconciled()}; idle capacity shared to tenants ({@link
 * #idleShared()}) is part of {@code allocatedToTenants}. Immutable and thread-safe.
 *
 * @param total the bill: the sum of every allocation's total
 * @param allocatedToTenants what tenants are charged: usage, idle shares and shared costs
 * @param idleShared the idle cost that sharing rules charged to tenants (IDLE_SHARE lines)
 * @param idle the idle cost kept unassigned (IDLE lines)
 * @param unallocated the cost no rule assigned (UNALLOCATED lines)
 * @param idleSharePercent {@code (idleShared + idle) / total x 100}, half-even to two decimals; 0
 *     when the total is 0
 * @param reconciled whether every allocation reconciled and the parts add up to the total
 * @param days how many days have an allocation
 */
public record FinOpsSummary(
    Money total,
    Money allocatedToTenants,
    Money idleShared,
    Money idle,
    Money unallocated,
    BigDecimal idleSharePercent,
    boolean reconciled,
    int days) {
  /** Validates. */
  public FinOpsSummary {
    Objects.requireNonNull(total, "total");
    Objects.requireNonNull(allocatedToTenants, "allocatedToTenants");
    Objects.requireNonNull(idleShared, "idleShared");
    Objects.requireNonNull(idle, "idle");
    Objects.requireNonNull(unallocated, "unallocated");
    Objects.requireNonNull(idleSharePercent, "idleSharePercent");
  }
}
