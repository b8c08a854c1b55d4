/**
 * Region health from several vantage points with thresholds and hysteresis, Envoy-style endpoint
 * outlier ejection, failover and failback events.
 */
package dev.tdeveloper.distribution.health;
