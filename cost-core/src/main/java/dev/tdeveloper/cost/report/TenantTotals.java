package dev.tdeveloper.cost.report;

import dev.tdeveloper.cost.money.Money;
import dev.tdeveloper.tenancy.TenantId;
import java.time.LocalDate;
import java.util.SortedMap;

/**
 * One tenant over the report's period: its total, split by kind of line, and per day (days without
 * a line for the tenant are absent).
 */
record TenantTotals(
    TenantId tenant,
    Money total,
    Money usage,
    Money idleShare,
    Money sharedShare,
    SortedMap<LocalDate, Money> daily) {}
