package dev.tdeveloper.web.ratelimit;

import dev.tdeveloper.security.ratelimit.RateLimitKey;
import dev.tdeveloper.security.ratelimit.RateLimiter;
import dev.tdeveloper.tenancy.event.EventListener;
import dev.tdeveloper.web.problem.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Configures a {@link RateLimitFilter}. The limiter is required; each single-valued setting may be
 * set once (a repeat is an {@link IllegalStateException}). Not thread-safe; the built filter is
 * immutable.
 */
public final class RateLimitFilterBuilder {
  RateLimiter<RateLimitKey> limiter;
  Function<HttpServletRequest, Optional<String>> routes;
  ProblemWriter problemWriter;
  final List<EventListener<? super RateLimitFilterEvent>> listeners = new ArrayList<>();

  RateLimitFilterBuilder() {}

  /**
   * Sets the limiter deciding each request (required); resolve its policies with {@link
   * dev.tdeveloper.security.ratelimit.TenantRateLimitPolicies#forKey} to take plan limits from
   * {@code tenants.yaml}.
   */
  public RateLimitFilterBuilder limiter(RateLimiter<RateLimitKey> limiter) {
    Objects.requireNonNull(limiter, "limiter");
    if (this.limiter != null) {
      throw new IllegalStateException("limiter was already set");
    }
    this.limiter = limiter;
    return this;
  }

  /**
   * Sets how a request is classified into a route with a budget of its own (for example {@code
   * /export/**} to {@code export}); requests classified empty count against the tenant as a whole.
   * Defaults to classifying every request empty (one budget per tenant). The classifier must not
   * return null, and the routes it returns must be valid {@link RateLimitKey} route names.
   */
  public RateLimitFilterBuilder routeClassifier(
      Function<HttpServletRequest, Optional<String>> classifier) {
    Objects.requireNonNull(classifier, "classifier");
    if (this.routes != null) {
      throw new IllegalStateException("routeClassifier was already set");
    }
    this.routes = classifier;
    return this;
  }

  /** Sets how problem responses are written; defaults to {@link ProblemWriter#create()}. */
  public RateLimitFilterBuilder problemWriter(ProblemWriter problemWriter) {
    Objects.requireNonNull(problemWriter, "problemWriter");
    if (this.problemWriter != null) {
      throw new IllegalStateException("problemWriter was already set");
    }
    this.problemWriter = problemWriter;
    return this;
  }

  /** Adds a listener told of every refused request; listeners run in the order added. */
  public RateLimitFilterBuilder listener(EventListener<? super RateLimitFilterEvent> listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
    return this;
  }

  /**
   * Builds the filter.
   *
   * @throws IllegalStateException if no limiter was set
   */
  public RateLimitFilter build() {
    if (limiter == null) {
      throw new IllegalStateException("limiter is required: call limiter(...) before build()");
    }
    return new RateLimitFilter(this);
  }
}
