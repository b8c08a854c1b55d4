/**
 * What backends implement: the replication channel, the edge cache and the clock's high-water-mark
 * store.
 */
package dev.tdeveloper.distribution.spi;
