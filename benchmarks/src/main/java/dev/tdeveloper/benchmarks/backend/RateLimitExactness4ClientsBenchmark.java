package dev.tdeveloper.benchmarks.backend;

import org.openjdk.jmh.annotations.Threads;

/** {@link RateLimitExactnessBase} with 4 concurrent clients (threads, each with its connection). */
@Threads(4)
public class RateLimitExactness4ClientsBenchmark extends RateLimitExactnessBase {}
