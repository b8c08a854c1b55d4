/**
 * What one machine cannot run, replayed in simulated time from a load run's measurements (issue 17,
 * points 5 and 6): a 10x traffic step through scaling-core's simulator, a region outage across the
 * demo's five regions through distribution-core's health checks and router, and the cost per
 * tenant-month from cost-core's allocation of the simulated fleet. Deterministic: no randomness, no
 * real clock.
 */
package dev.tdeveloper.benchmarks.load.sim;
