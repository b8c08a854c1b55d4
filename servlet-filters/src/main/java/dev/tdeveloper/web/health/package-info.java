/**
 * Kubernetes probe endpoints over the scaling-core health registry: {@link
 * dev.tdeveloper.web.health.HealthServlet} answers {@code /live}, {@code /ready}, {@code /started}
 * and any configured group with Actuator-shaped JSON and 200 or 503.
 */
package dev.tdeveloper.web.health;
