/**
 * Benchmarks of the backends against a real server started by the benchmark (redis-server through
 * tenancy-testkit's {@code LocalRedis}), next to their peers (Bucket4j's Lettuce proxy manager) and
 * the floor of one round trip.
 */
package dev.tdeveloper.benchmarks.backend;
