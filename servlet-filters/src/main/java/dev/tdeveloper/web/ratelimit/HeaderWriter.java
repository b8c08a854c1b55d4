package dev.tdeveloper.web.ratelimit;

import dev.tdeveloper.security.ratelimit.RateLimitDecision;
import dev.tdeveloper.security.ratelimit.RateLimitHeaders;
import dev.tdeveloper.security.ratelimit.RateLimitPolicy;
import jakarta.servlet.http.HttpServletResponse;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.BiConsumer;

/**
 * Sets the headers {@link RateLimitHeaders#of} computes straight onto the response through {@link
 * RateLimitHeaders#write}: no map per request, and the {@code RateLimit-Policy} text of a policy is
 * computed once per policy instance (limiters hand out one instance per distinct policy) and kept
 * in a small table indexed by identity.
 *
 * <p>The four {@code RateLimit-*} headers are added ({@link HttpServletResponse#addHeader}) when
 * the response holds no {@value RateLimitHeaders#LIMIT} yet, which is the case unless another
 * rate-limit writer ran first (they write the four together, {@value RateLimitHeaders#LIMIT}
 * first): a servlet container's {@code setHeader} scans the response's fields for the name, {@code
 * addHeader} appends. A response that holds one gets all four set, replacing the earlier values.
 * {@value RateLimitHeaders#RETRY_AFTER} is always set. Thread-safe: entries are immutable and a
 * lost race only computes a text twice.
 */
final class HeaderWriter {
  private static final int SLOTS = 64;

  private final AtomicReferenceArray<PolicyText> texts = new AtomicReferenceArray<>(SLOTS);

  private record PolicyText(RateLimitPolicy policy, String text) {}

  /** Adds the {@code RateLimit-*} headers to a response known to hold none; sets the others. */
  private record Adding(HttpServletResponse response) implements BiConsumer<String, String> {
    @Override
    public void accept(String name, String value) {
      if (name.equals(RateLimitHeaders.RETRY_AFTER)) {
        response.setHeader(name, value);
      } else {
        response.addHeader(name, value);
      }
    }
  }

  /**
   * Writes the headers of {@code decision} under {@code policy} on {@code response}, as {@code
   * setHeader} would leave them.
   *
   * @return the {@code Retry-After} seconds of a denial, else -1
   */
  long write(RateLimitPolicy policy, RateLimitDecision decision, HttpServletResponse response) {
    BiConsumer<String, String> sink =
        response.containsHeader(RateLimitHeaders.LIMIT)
            ? response::setHeader
            : new Adding(response);
    RateLimitHeaders.write(decision, policyText(policy), sink);
    return decision instanceof RateLimitDecision.Denied denied
        ? RateLimitHeaders.retryAfterSeconds(denied.retryAfterNanos())
        : -1;
  }

  /** Returns {@link RateLimitHeaders#policy} of {@code policy}, computed once per instance. */
  String policyText(RateLimitPolicy policy) {
    int slot = System.identityHashCode(policy) & (SLOTS - 1);
    PolicyText known = texts.get(slot);
    if (known != null && known.policy() == policy) {
      return known.text();
    }
    String text = RateLimitHeaders.policy(policy);
    texts.set(slot, new PolicyText(policy, text));
    return text;
  }
}
