/**
 * Unit economics: each tenant's monthly cost against a target (the plan's $100 per tenant-month by
 * default) and, when revenue is known, its margin; plus a portfolio summary. Start with {@link
 * dev.tdeveloper.cost.unit.UnitEconomics}.
 */
package dev.tdeveloper.cost.unit;
