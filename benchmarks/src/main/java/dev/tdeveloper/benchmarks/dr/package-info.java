/**
 * Benchmarks of dr-core: full, incremental and restore of a generated mixed tree against {@code cp
 * -r}, next to the floors (reading and hashing every byte).
 */
package dev.tdeveloper.benchmarks.dr;
