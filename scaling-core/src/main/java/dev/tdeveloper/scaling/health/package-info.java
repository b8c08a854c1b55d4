/**
 * Health checks in the manner of Spring Boot Actuator and Kubernetes probes: named {@link
 * dev.tdeveloper.scaling.health.HealthCheck}s run with a timeout, cached and weighted by
 * criticality, aggregated into liveness, readiness, startup and custom groups by {@link
 * dev.tdeveloper.scaling.health.HealthCheckRegistry}, and reported as Actuator-shaped JSON.
 */
package dev.tdeveloper.scaling.health;
