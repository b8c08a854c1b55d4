package dev.tdeveloper.benchmarks.backend;

import org.openjdk.jmh.annotations.Threads;

/** {@link RateLimitExactnessBase} with 1 concurrent client (threads, each with its connection). */
@Threads(1)
public class RateLimitExactness1ClientBenchmark extends RateLimitExactnessBase {}
