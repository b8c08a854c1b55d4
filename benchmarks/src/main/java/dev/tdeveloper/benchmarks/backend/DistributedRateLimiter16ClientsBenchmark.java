package dev.tdeveloper.benchmarks.backend;

import org.openjdk.jmh.annotations.Threads;

/** {@link DistributedRateLimiterBase} with 16 concurrent clients (threads). */
@Threads(16)
public class DistributedRateLimiter16ClientsBenchmark extends DistributedRateLimiterBase {}
