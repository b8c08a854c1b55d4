/**
 * Restore drills: restore the latest or a random recent backup into a scratch directory, verify its
 * checksums and a user validation, measure the recovery time, and keep the results in a durable
 * {@link dev.tdeveloper.dr.drill.DrillHistory} that compliance evidence and the RTO monitor read.
 */
package dev.tdeveloper.dr.drill;
