/**
 * Data residency: per-tenant policies for storage, processing and replicas, enforced on every
 * routing and replication decision, and the residency report.
 */
package dev.tdeveloper.distribution.residency;
