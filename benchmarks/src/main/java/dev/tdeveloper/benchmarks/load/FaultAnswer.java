package dev.tdeveloper.benchmarks.load;

/**
 * How the demo answered one request during the fault phase, as far as availability goes: served
 * (2xx), refused as the chain should (4xx: rate limit, quota, WAF), unavailable (503), a server
 * error (any other 5xx) or no answer at all (connection refused or reset, timeout). The last three
 * are failures that spend the error budget.
 */
public enum FaultAnswer {
  /** A 2xx answer. */
  SERVED,
  /** A 4xx answer: the chain refused the request, as it does without faults. */
  REFUSED,
  /** 503 Service Unavailable. */
  UNAVAILABLE,
  /** Any other 5xx. */
  SERVER_ERROR,
  /** No HTTP answer (status {@code 0}), or a 1xx or 3xx. */
  NO_ANSWER;

  /** Classifies an HTTP {@code status}, {@code 0} meaning no answer. */
  public static FaultAnswer of(int status) {
    if (status >= 200 && status < 300) {
      return SERVED;
    }
    if (status >= 400 && status < 500) {
      return REFUSED;
    }
    if (status == 503) {
      return UNAVAILABLE;
    }
    return status >= 500 ? SERVER_ERROR : NO_ANSWER;
  }

  /** Returns whether this answer is a failure (it spends the error budget). */
  public boolean failed() {
    return this == UNAVAILABLE || this == SERVER_ERROR || this == NO_ANSWER;
  }
}
