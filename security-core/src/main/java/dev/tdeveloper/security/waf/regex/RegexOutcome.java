package dev.tdeveloper.security.waf.regex;

/** The result of one regex search. */
public enum RegexOutcome {
  /** The pattern matched. */
  MATCHED,
  /** The pattern did not match. */
  NOT_MATCHED,
  /**
   * The backtracking fallback ran out of its step budget: treated as no match, and reported (as
   * ModSecurity sets {@code MSC_PCRE_LIMITS_EXCEEDED}).
   */
  LIMIT_EXCEEDED
}
