package dev.tdeveloper.security.shield;

/** Why the {@link AbuseShield} blocked a request, with the HTTP status it answers with. */
public enum BlockReason {
  /** The client IP is on the deny list: 403, permanently. */
  DENY_LISTED(403),
  /**
   * The client IP, tenant or API key is serving a temporary ban: 429 with {@code Retry-After} (the
   * ban's remaining time), so well-behaved clients wait it out.
   */
  BANNED(429),
  /**
   * The client IP, tenant or API key just went over its heavy-hitter threshold and was banned: 429.
   */
  HEAVY_HITTER(429),
  /** The concurrency limit is full: 503, the service is shedding load. */
  OVERLOADED(503);

  private final int status;

  BlockReason(int status) {
    this.status = status;
  }

  /** Returns the HTTP status to answer with. */
  public int status() {
    return status;
  }
}
