package dev.tdeveloper.cost.report;

import dev.tdeveloper.cost.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;

/** One day's allocation in numbers: the points of the time charts. */
record DayTotals(
    LocalDate day,
    Money total,
    Money tenants,
    Money idleShared,
    Money idle,
    Money unallocated,
    BigDecimal idleSharePercent) {}
