/**
 * Trying autoscalers without a cluster: {@link dev.tdeveloper.scaling.simulation.SimulatedCluster}
 * (the default {@link dev.tdeveloper.scaling.spi.ScalingBackend}), workload traces ({@link
 * dev.tdeveloper.scaling.simulation.WorkloadTrace}, seeded {@link
 * dev.tdeveloper.scaling.simulation.TraceGenerators}) and {@link
 * dev.tdeveloper.scaling.simulation.ScalingSimulator}, which replays a trace through any autoscaler
 * in simulated time and reports SLO violations, replica-hours, cost, response times and flaps.
 */
package dev.tdeveloper.scaling.simulation;
