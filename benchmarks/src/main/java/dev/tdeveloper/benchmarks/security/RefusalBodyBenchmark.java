package dev.tdeveloper.benchmarks.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tdeveloper.web.problem.ProblemDetails;
import dev.tdeveloper.web.problem.ProblemWriter;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The body of a rate-limit refusal as {@code RateLimitFilter} builds it for each 429: the problem
 * (type, title, a detail naming the tenant and the wait, the {@code retryAfterSeconds} extension)
 * and its JSON. {@code defaultWriter} uses {@link ProblemWriter#create()} (members streamed through
 * Jackson's generator); {@code jacksonWriter} a writer over its own {@link ObjectMapper}, which
 * serializes a map of the members: the same bytes, the old path.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RefusalBodyBenchmark {
  private static final URI RATE_LIMITED = ProblemDetails.typeOf("rate-limited");
  private static final ProblemWriter DEFAULT = ProblemWriter.create();
  private static final ProblemWriter JACKSON = ProblemWriter.using(new ObjectMapper());

  @Param({"tenant-042"})
  public String tenant;

  private long retryAfter = 1;

  private ProblemDetails problem() {
    long wait = 1 + (retryAfter++ & 7);
    return ProblemDetails.of(RATE_LIMITED, "Rate limit exceeded", 429)
        .withDetail(
            "the request rate of tenant '"
                + tenant
                + "' is over its limit; retry in "
                + wait
                + " s")
        .withExtension("retryAfterSeconds", wait);
  }

  /** The refusal body through the default writer. */
  @Benchmark
  public byte[] defaultWriter() {
    return DEFAULT.toJson(problem());
  }

  /** The refusal body through Jackson. */
  @Benchmark
  public byte[] jacksonWriter() {
    return JACKSON.toJson(problem());
  }
}
