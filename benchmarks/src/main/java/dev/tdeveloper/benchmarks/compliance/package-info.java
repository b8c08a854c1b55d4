/** Benchmarks of compliance-core's hot paths (audit chaining, Merkle proofs) against baselines. */
package dev.tdeveloper.benchmarks.compliance;
