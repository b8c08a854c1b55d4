package dev.tdeveloper.benchmarks.backend;

import org.openjdk.jmh.annotations.Threads;

/**
 * {@link RateLimitExactnessBase} with 16 concurrent clients (threads, each with its connection).
 */
@Threads(16)
public class RateLimitExactness16ClientsBenchmark extends RateLimitExactnessBase {}
