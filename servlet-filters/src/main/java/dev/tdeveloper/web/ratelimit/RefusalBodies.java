package dev.tdeveloper.web.ratelimit;

import dev.tdeveloper.security.ratelimit.RateLimitKey;
import dev.tdeveloper.web.problem.ProblemDetails;
import dev.tdeveloper.web.problem.ProblemWriter;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The 429 problems of {@link RateLimitFilter}, rendered once per key and {@code Retry-After}
 * seconds and kept in a small table (a flooding tenant is refused with the same few bodies over and
 * over): the bytes are those {@link ProblemWriter#write(jakarta.servlet.http.HttpServletResponse,
 * ProblemDetails)} writes for {@link #problem}. Bounded: {@value #SLOTS} slots indexed by hash, a
 * collision only renders again. Thread-safe: entries are immutable and a lost race only renders a
 * body twice.
 */
final class RefusalBodies {
  static final int SLOTS = 256;

  private final ProblemWriter writer;
  private final AtomicReferenceArray<Entry> table = new AtomicReferenceArray<>(SLOTS);

  private record Entry(RateLimitKey key, long retryAfter, ProblemWriter.Rendered body) {}

  RefusalBodies(ProblemWriter writer) {
    this.writer = Objects.requireNonNull(writer, "writer");
  }

  /** Returns the rendered refusal of {@code key} with {@code retryAfter} seconds. */
  ProblemWriter.Rendered body(RateLimitKey key, long retryAfter) {
    int slot = (key.hashCode() * 31 + Long.hashCode(retryAfter)) & (SLOTS - 1);
    Entry known = table.get(slot);
    if (known != null && known.retryAfter() == retryAfter && known.key().equals(key)) {
      return known.body();
    }
    ProblemWriter.Rendered body = writer.render(problem(key, retryAfter));
    table.set(slot, new Entry(key, retryAfter, body));
    return body;
  }

  /** Returns the problem a request of {@code key} refused for {@code retryAfter} seconds gets. */
  static ProblemDetails problem(RateLimitKey key, long retryAfter) {
    // Tenant ids and route names are validated tokens: safe to show.
    String scope =
        key.route()
            .map(r -> "tenant '" + key.tenant() + "' on route '" + r + "'")
            .orElse("tenant '" + key.tenant() + "'");
    return ProblemDetails.of(RateLimitFilter.RATE_LIMITED, "Rate limit exceeded", 429)
        .withDetail(
            "the request rate of " + scope + " is over its limit; retry in " + retryAfter + " s")
        .withExtension("retryAfterSeconds", retryAfter);
  }
}
