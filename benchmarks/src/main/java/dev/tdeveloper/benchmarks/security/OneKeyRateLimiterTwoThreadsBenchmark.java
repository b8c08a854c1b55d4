package dev.tdeveloper.benchmarks.security;

import org.openjdk.jmh.annotations.Threads;

/** {@link OneKeyRateLimiterBase} with two threads contending for the same key. */
@Threads(2)
public class OneKeyRateLimiterTwoThreadsBenchmark extends OneKeyRateLimiterBase {}
