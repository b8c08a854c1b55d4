/**
 * The suite's one monotonic time abstraction, {@link dev.tdeveloper.tenancy.time.Ticker}; wall time
 * is a {@link java.time.InstantSource}. A manual clock implementing both ({@code
 * dev.tdeveloper.tenancy.testkit.ManualClock}) ships in the {@code tenancy-testkit} artifact.
 */
package dev.tdeveloper.tenancy.time;
