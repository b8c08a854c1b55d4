/**
 * Incident correlation: alerts of one tenant or one dependency within a window become one incident
 * with a root-cause hint (the earliest, most upstream alert).
 */
package dev.tdeveloper.observability.incident;
