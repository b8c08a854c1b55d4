/**
 * Benchmarks of cost-core: allocating a month of hourly usage records of a generated fleet to
 * tenants, next to the floor (summing every record's charged quantity by asset and tenant).
 */
package dev.tdeveloper.benchmarks.cost;
