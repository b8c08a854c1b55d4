/**
 * Optimisation recommendations in the manner of AWS Compute Optimizer and Trusted Advisor:
 * rightsizing from P99.5 CPU and peak memory with headroom, idle workloads, commitment coverage of
 * the steady vCPU baseline and scale-to-zero for tenants without traffic, each with estimated
 * monthly savings and a confidence. Start with {@link dev.tdeveloper.cost.optimize.CostOptimizer}.
 */
package dev.tdeveloper.cost.optimize;
