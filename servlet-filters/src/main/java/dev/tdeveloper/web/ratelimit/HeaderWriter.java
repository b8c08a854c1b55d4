package dev.tdeveloper.web.ratelimit;

import dev.tdeveloper.security.ratelimit.RateLimitDecision;
import dev.tdeveloper.security.ratelimit.RateLimitHeaders;
import dev.tdeveloper.security.ratelimit.RateLimitPolicy;
import jakarta.servlet.http.HttpServletResponse;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Sets the headers {@link RateLimitHeaders#of} computes, with the same names, values and order, but
 * straight onto the response: no map per request, and the {@code RateLimit-Policy} text of a policy
 * is computed once per policy instance (limiters hand out one instance per distinct policy) and
 * kept in a small table indexed by identity. Thread-safe: entries are immutable and a lost race
 * only computes a text twice.
 */
final class HeaderWriter {
  private static final int SLOTS = 64;

  private final AtomicReferenceArray<PolicyText> texts = new AtomicReferenceArray<>(SLOTS);

  private record PolicyText(RateLimitPolicy policy, String text) {}

  /**
   * Sets the headers of {@code decision} under {@code policy} on {@code response}.
   *
   * @return the {@code Retry-After} seconds of a denial, else -1
   */
  long write(RateLimitPolicy policy, RateLimitDecision decision, HttpServletResponse response) {
    response.setHeader(RateLimitHeaders.LIMIT, Long.toString(decision.limit()));
    response.setHeader(
        RateLimitHeaders.REMAINING, Long.toString(Math.max(0, decision.remaining())));
    response.setHeader(
        RateLimitHeaders.RESET,
        Long.toString(RateLimitHeaders.seconds(decision.resetAfterNanos())));
    response.setHeader(RateLimitHeaders.POLICY, policyText(policy));
    if (decision instanceof RateLimitDecision.Denied denied) {
      long retryAfter = RateLimitHeaders.retryAfterSeconds(denied.retryAfterNanos());
      response.setHeader(RateLimitHeaders.RETRY_AFTER, Long.toString(retryAfter));
      return retryAfter;
    }
    return -1;
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
