package dev.tdeveloper.benchmarks.waf;

import dev.tdeveloper.security.waf.Waf;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Loading the whole OWASP CRS 3.3.4 ({@code crs-setup.conf}, the exclusion files and every {@code
 * rules/*.conf} with their data files): parsing, compiling every operator (regexes, phrase
 * automata) and transformation chain. Single-shot: each operation is one cold-ish load, as at
 * service start; the first iterations (run them as warmup or look at them apart) include class
 * loading and JIT. Goal: under 1 s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Threads(1)
public class WafLoadBenchmark {
  /** Parses and compiles the CRS. */
  @Benchmark
  public Waf tdeveloperLoadCrs() {
    return Crs.load();
  }
}
