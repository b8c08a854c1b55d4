package dev.tdeveloper.security.waf.engine;

/**
 * How a transaction's {@link RequestState} reads a variable, worked out from the variable's name
 * once (when a rule is compiled), so that a read does not switch on the name again.
 */
enum VariableKind {
  /** {@code TX}. */
  TX,
  /** {@code GEO}. */
  GEO,
  /** {@code ENV}. */
  ENV,
  /** {@code IP}, {@code GLOBAL}, {@code SESSION}, {@code USER}, {@code RESOURCE}. */
  PERSISTENT,
  /** {@code RULE}. */
  RULE,
  /**
   * {@code MATCHED_VAR}, {@code MATCHED_VAR_NAME}, {@code MATCHED_VARS}, {@code
   * MATCHED_VARS_NAMES}.
   */
  MATCHED,
  /** {@code XML}. */
  XML,
  /** {@code UNIQUE_ID}. */
  UNIQUE_ID,
  /** {@code HIGHEST_SEVERITY}. */
  HIGHEST_SEVERITY,
  /** {@code DURATION}. */
  DURATION,
  /** {@code TIME} and every {@code TIME_*}. */
  TIME,
  /** Every other variable: derived from the request and response data. */
  DERIVED;

  /**
   * The kind of a variable.
   *
   * @param variable the variable or collection name, upper case
   * @return its kind; {@link #DERIVED} for any name not listed above
   */
  static VariableKind of(String variable) {
    return switch (variable) {
      case "TX" -> TX;
      case "GEO" -> GEO;
      case "ENV" -> ENV;
      case "IP", "GLOBAL", "SESSION", "USER", "RESOURCE" -> PERSISTENT;
      case "RULE" -> RULE;
      case "MATCHED_VAR", "MATCHED_VAR_NAME", "MATCHED_VARS", "MATCHED_VARS_NAMES" -> MATCHED;
      case "XML" -> XML;
      case "UNIQUE_ID" -> UNIQUE_ID;
      case "HIGHEST_SEVERITY" -> HIGHEST_SEVERITY;
      case "DURATION" -> DURATION;
      default -> variable.startsWith("TIME") ? TIME : DERIVED;
    };
  }
}
