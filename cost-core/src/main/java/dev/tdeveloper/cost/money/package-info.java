/**
 * Money: {@link dev.tdeveloper.cost.money.Money}, an exact decimal amount with a currency, and the
 * rules for rounding it to the currency's minor unit.
 */
package dev.tdeveloper.cost.money;
