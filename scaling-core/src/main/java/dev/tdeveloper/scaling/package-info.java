/**
 * Autoscaling and high availability: autoscalers that turn per-replica metrics into replica counts
 * with reasons ({@code autoscale} and the packages of each autoscaler), a simulator replaying
 * traces through them, vertical recommendations, health checks, per-dependency resilience policies
 * on Failsafe and failover routing. Backends implement {@code spi}; {@code internal} is not API.
 */
package dev.tdeveloper.scaling;
