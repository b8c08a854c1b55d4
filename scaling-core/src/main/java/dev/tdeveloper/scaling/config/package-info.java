/**
 * The {@code scaling.yaml} file: {@link dev.tdeveloper.scaling.config.ScalingConfigLoader} reads
 * it, checks every value with the autoscalers' own builders and reports every problem at its {@code
 * file:line:column}; {@link dev.tdeveloper.scaling.config.ScalingConfig} then builds fresh
 * autoscalers by name, and gives the simulation, alert and health check settings and the dependency
 * policies.
 */
package dev.tdeveloper.scaling.config;
