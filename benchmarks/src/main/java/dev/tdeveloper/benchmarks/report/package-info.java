/**
 * Reading JMH JSON results and printing them as a table with "ours vs peer" speed ratios; run by
 * {@code benchmarks/run.sh} after each benchmark run.
 */
package dev.tdeveloper.benchmarks.report;
