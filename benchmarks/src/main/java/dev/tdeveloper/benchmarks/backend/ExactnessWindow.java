package dev.tdeveloper.benchmarks.backend;

import java.util.Locale;

/**
 * What one window of {@link RateLimitExactnessBase} admitted: exact means never more than the
 * limit, and the whole limit once at least that many requests were made. Immutable.
 *
 * @param who the library
 * @param clients the number of clients
 * @param window the window's number in the trial
 * @param admitted requests allowed
 * @param limit requests the window allows
 * @param attempts requests made
 */
record ExactnessWindow(
    String who, int clients, int window, long admitted, long limit, long attempts) {

  /** Whether the window admitted exactly what it should. */
  boolean exact() {
    return admitted <= limit && (attempts < limit || admitted == limit);
  }

  /** The report line. */
  String line() {
    return String.format(
        Locale.ROOT,
        "exactness %s, %d client(s), window %d: admitted %d of limit %d in %d attempts%s",
        who,
        clients,
        window,
        admitted,
        limit,
        attempts,
        exact() ? "" : " - NOT EXACT");
  }
}
