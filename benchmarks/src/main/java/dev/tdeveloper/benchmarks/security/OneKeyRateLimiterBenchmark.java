package dev.tdeveloper.benchmarks.security;

import org.openjdk.jmh.annotations.Threads;

/** {@link OneKeyRateLimiterBase} on one thread. */
@Threads(1)
public class OneKeyRateLimiterBenchmark extends OneKeyRateLimiterBase {}
