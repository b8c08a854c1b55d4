package dev.tdeveloper.web.ratelimit;

import dev.tdeveloper.security.ratelimit.RateLimitDecision;
import dev.tdeveloper.security.ratelimit.RateLimitHeaders;
import dev.tdeveloper.security.ratelimit.RateLimitPolicy;
import jakarta.servlet.http.HttpServletResponse;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Sets the headers {@link RateLimitHeaders#of} computes straight onto the response through {@link
 * RateLimitHeaders#write}: no map per request, and the {@code RateLimit-Policy} text of a policy is
 * computed once per policy instance (limiters hand out one instance per distinct policy) and kept
 * in a small table indexed by identity. Thread-safe: entries are immutable and a lost race only
 * computes a text twice.
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
    RateLimitHeaders.write(decision, policyText(policy), response::setHeader);
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
