/**
 * Changes between regions: what a change is, the in-process channel, and the replication simulator.
 */
package dev.tdeveloper.distribution.replication;
