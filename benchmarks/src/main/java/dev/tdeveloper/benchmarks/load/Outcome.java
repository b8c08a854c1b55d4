package dev.tdeveloper.benchmarks.load;

/**
 * How the demo answered a request: success, or a refusal by reason (told apart by the RFC 9457
 * problem type in the body), or an error.
 */
public enum Outcome {
  /** A 2xx answer. */
  OK,
  /** 429 from the per-tenant rate limit. */
  RATE_LIMITED,
  /** 429 because the tenant's quota is used up ({@code quota-exceeded}). */
  QUOTA_EXCEEDED,
  /** 429 or 403 from the abuse shield (ban, heavy hitter, deny list). */
  SHIELD_REFUSED,
  /** 503 from the shield's concurrency limit ({@code overloaded}). */
  OVERLOADED,
  /** 403 from the WAF. */
  WAF_BLOCKED,
  /** Any other 4xx. */
  CLIENT_ERROR,
  /** Any other 5xx: never expected. */
  SERVER_ERROR,
  /** No usable answer: a connection failure, a timeout, or a 1xx or 3xx status. */
  FAILED;

  /** Classifies a response by its {@code status} and {@code body} (a problem+json or anything). */
  public static Outcome of(int status, String body) {
    if (status >= 200 && status < 300) {
      return OK;
    }
    if (status == 429) {
      if (body.contains("quota-exceeded")) {
        return QUOTA_EXCEEDED;
      }
      if (body.contains("temporarily-banned") || body.contains("heavy-hitter")) {
        return SHIELD_REFUSED;
      }
      return RATE_LIMITED;
    }
    if (status == 403) {
      return body.contains("access-denied") ? SHIELD_REFUSED : WAF_BLOCKED;
    }
    if (status == 503 && body.contains("overloaded")) {
      return OVERLOADED;
    }
    return status >= 500 ? SERVER_ERROR : status >= 400 ? CLIENT_ERROR : FAILED;
  }
}
