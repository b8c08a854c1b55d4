/**
 * Cost allocation: each {@link dev.tdeveloper.cost.allocation.Asset asset}'s cost split among the
 * tenants that used it, idle and shared costs split by explicit rules, every amount a {@link
 * dev.tdeveloper.cost.allocation.CostLine} that explains itself, and the whole reconciling to the
 * bill exactly.
 */
package dev.tdeveloper.cost.allocation;
