/**
 * Price books: a unit price per region, {@link dev.tdeveloper.cost.price.ResourceType resource} and
 * {@link dev.tdeveloper.cost.price.PricingModel pricing model} (and egress destination), loaded
 * from YAML or JSON.
 */
package dev.tdeveloper.cost.price;
