package dev.tdeveloper.demo.dashboard;

/**
 * What one tenant's requests came to over a window: how many, how many failed on the server side
 * (5xx, or an exception out of the chain), how many were refused by the rate limit (429) and how
 * many were otherwise refused as the client's fault (other 4xx). Immutable.
 *
 * @param requests every request counted, whatever its outcome
 * @param serverErrors responses with a status of 500 or more, and requests that threw
 * @param rateLimited responses with status 429
 * @param clientErrors responses with a 4xx status other than 429
 * @param windowSeconds the length of the window, in seconds
 */
public record TrafficCounts(
    long requests, long serverErrors, long rateLimited, long clientErrors, int windowSeconds) {

  /**
   * Validates the counts.
   *
   * @throws IllegalArgumentException naming the field if a count is negative, if the outcomes add
   *     up to more than the requests, or if the window is not positive
   */
  public TrafficCounts {
    nonNegative("requests", requests);
    nonNegative("serverErrors", serverErrors);
    nonNegative("rateLimited", rateLimited);
    nonNegative("clientErrors", clientErrors);
    if (serverErrors + rateLimited + clientErrors > requests) {
      throw new IllegalArgumentException(
          "serverErrors + rateLimited + clientErrors: "
              + (serverErrors + rateLimited + clientErrors)
              + "; allowed: at most requests ("
              + requests
              + ")");
    }
    if (windowSeconds < 1) {
      throw new IllegalArgumentException("windowSeconds: " + windowSeconds + "; allowed: >= 1");
    }
  }

  /** Returns no traffic over a window of {@code windowSeconds}. */
  public static TrafficCounts none(int windowSeconds) {
    return new TrafficCounts(0, 0, 0, 0, windowSeconds);
  }

  /** Returns the mean request rate over the window, in requests per second. */
  public double requestsPerSecond() {
    return (double) requests / windowSeconds;
  }

  /** Returns the share of requests that failed on the server side, 0 when there were none. */
  public double errorRate() {
    return requests == 0 ? 0 : (double) serverErrors / requests;
  }

  private static void nonNegative(String field, long value) {
    if (value < 0) {
      throw new IllegalArgumentException(field + ": " + value + "; allowed: >= 0");
    }
  }
}
