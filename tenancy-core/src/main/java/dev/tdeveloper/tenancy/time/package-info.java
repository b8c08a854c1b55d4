/**
 * The suite's one monotonic time abstraction, {@link dev.tdeveloper.tenancy.time.Ticker}; wall time
 * is a {@link java.time.InstantSource}. A manual clock implementing both ships in the test-jar.
 */
package dev.tdeveloper.tenancy.time;
