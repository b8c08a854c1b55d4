/**
 * Contract kits for scaling-core backends: extend {@link
 * dev.tdeveloper.scaling.testkit.ScalingBackendContract} with your backend and the kit proves it
 * behaves like the simulated cluster.
 */
package dev.tdeveloper.scaling.testkit;
