package dev.tdeveloper.benchmarks.load;

/** What a generated request is meant to exercise; the report counts outcomes per kind. */
public enum RequestKind {
  /** {@code GET /notes/{id}} of a tenant's seeded note. */
  READ,
  /** {@code POST /notes}: a new note, charged to the tenant's quota. */
  WRITE,
  /** {@code GET /usage}: the tenant's metered usage and quota. */
  USAGE,
  /** A request of a tenant driven above its plan's rate limit. */
  OVER_LIMIT,
  /** A request of the one tenant flooding the service. */
  FLOOD,
  /** A request carrying an attack payload (SQL injection, XSS, path traversal) for the WAF. */
  ATTACK
}
