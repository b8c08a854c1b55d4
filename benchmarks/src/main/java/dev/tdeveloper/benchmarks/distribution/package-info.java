/** Benchmarks of distribution-core: region routing, hybrid logical clocks, CRDT merges. */
package dev.tdeveloper.benchmarks.distribution;
