/**
 * Per-tenant edge cache policies (Cache-Control, surrogate keys, Vary) and purges through the
 * EdgeCache SPI.
 */
package dev.tdeveloper.distribution.edge;
