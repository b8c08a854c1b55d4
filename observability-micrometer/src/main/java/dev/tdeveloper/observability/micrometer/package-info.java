/**
 * The Micrometer bridge: binders that register meters for the typed events of each core and for
 * SLOs and business metrics, with tenant tags under a cardinality guard.
 */
package dev.tdeveloper.observability.micrometer;
