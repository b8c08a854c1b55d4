package dev.tdeveloper.compliance.audit;

/** How the audited action ended. */
public enum AuditOutcome {
  /** The action was allowed and completed. */
  SUCCESS,
  /** The action was refused (authentication, authorization, rate limit, ban, policy). */
  DENIED,
  /** The action was attempted and failed for another reason. */
  FAILURE
}
