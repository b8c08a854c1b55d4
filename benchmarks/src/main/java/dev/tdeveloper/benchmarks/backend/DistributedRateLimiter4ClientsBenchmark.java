package dev.tdeveloper.benchmarks.backend;

import org.openjdk.jmh.annotations.Threads;

/** {@link DistributedRateLimiterBase} with 4 concurrent clients (threads). */
@Threads(4)
public class DistributedRateLimiter4ClientsBenchmark extends DistributedRateLimiterBase {}
