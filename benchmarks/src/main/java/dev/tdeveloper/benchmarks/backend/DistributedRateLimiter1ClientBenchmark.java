package dev.tdeveloper.benchmarks.backend;

import org.openjdk.jmh.annotations.Threads;

/** {@link DistributedRateLimiterBase} with 1 concurrent client (threads). */
@Threads(1)
public class DistributedRateLimiter1ClientBenchmark extends DistributedRateLimiterBase {}
