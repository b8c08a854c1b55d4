/**
 * Benchmarks of the demo's notes: a note write through the PITR change journal (the one forced log)
 * into the tenant's notes journal.
 */
package dev.tdeveloper.benchmarks.notes;
