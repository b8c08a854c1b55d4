package dev.tdeveloper.security.waf.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Numbers the request and response variables that {@link RequestVariables} derives from the data,
 * so that a transaction keeps their targets in arrays indexed by number, and rules, which know the
 * number from load time, reach them without hashing the name. Names outside this list ({@code
 * MULTIPART_*} flags, collections that are not derived) have no number. Stateless.
 */
final class DerivedVariables {
  /** Every name {@link RequestVariables#derive} answers by name, not by prefix. */
  static final List<String> NAMES =
      List.of(
          "ARGS",
          "ARGS_GET",
          "ARGS_POST",
          "ARGS_NAMES",
          "ARGS_GET_NAMES",
          "ARGS_POST_NAMES",
          "REQUEST_HEADERS",
          "REQUEST_HEADERS_NAMES",
          "RESPONSE_HEADERS",
          "RESPONSE_HEADERS_NAMES",
          "REQUEST_COOKIES",
          "REQUEST_COOKIES_NAMES",
          "FILES",
          "FILES_NAMES",
          "FILES_SIZES",
          "FILES_TMPNAMES",
          "MULTIPART_PART_HEADERS",
          "REMOTE_ADDR",
          "REMOTE_HOST",
          "REMOTE_PORT",
          "SERVER_ADDR",
          "SERVER_PORT",
          "SERVER_NAME",
          "REQUEST_METHOD",
          "REQUEST_PROTOCOL",
          "REQUEST_LINE",
          "REQUEST_URI",
          "REQUEST_URI_RAW",
          "REQUEST_FILENAME",
          "PATH_INFO",
          "REQUEST_BASENAME",
          "QUERY_STRING",
          "ARGS_COMBINED_SIZE",
          "AUTH_TYPE",
          "REMOTE_USER",
          "USERID",
          "REQUEST_BODY",
          "REQUEST_BODY_LENGTH",
          "FULL_REQUEST",
          "FULL_REQUEST_LENGTH",
          "FILES_COMBINED_SIZE",
          "REQBODY_PROCESSOR",
          "REQBODY_ERROR",
          "REQBODY_PROCESSOR_ERROR",
          "REQBODY_ERROR_MSG",
          "URLENCODED_ERROR",
          "INBOUND_DATA_ERROR",
          "OUTBOUND_DATA_ERROR",
          "RESPONSE_STATUS",
          "RESPONSE_PROTOCOL",
          "STATUS_LINE",
          "RESPONSE_CONTENT_TYPE",
          "RESPONSE_BODY",
          "RESPONSE_CONTENT_LENGTH");

  /** The number of {@link #id} for a variable that is never derived from the data. */
  static final int NEVER = -2;

  /** What {@link RequestState#collect} does not take from the derived variables. */
  private static final java.util.Set<String> NOT_DERIVED =
      java.util.Set.of(
          "TX",
          "GEO",
          "ENV",
          "IP",
          "GLOBAL",
          "SESSION",
          "USER",
          "RESOURCE",
          "RULE",
          "MATCHED_VAR",
          "MATCHED_VAR_NAME",
          "MATCHED_VARS",
          "MATCHED_VARS_NAMES",
          "XML",
          "UNIQUE_ID",
          "HIGHEST_SEVERITY",
          "DURATION");

  private static final Map<String, Integer> IDS = new HashMap<>();

  static {
    for (int i = 0; i < NAMES.size(); i++) {
      IDS.put(NAMES.get(i), i);
    }
  }

  static final int INBOUND_DATA_ERROR = id("INBOUND_DATA_ERROR");
  static final int OUTBOUND_DATA_ERROR = id("OUTBOUND_DATA_ERROR");

  private DerivedVariables() {}

  /**
   * The number of a derived variable.
   *
   * @param name the variable name, upper case
   * @return its number; -1 when it has none
   */
  static int id(String name) {
    Integer id = IDS.get(name);
    return id == null ? -1 : id;
  }

  /**
   * Whether a variable is never derived from the request and response data: a collection the
   * evaluator writes ({@code TX}, {@code MATCHED_VAR}, persistent ones), {@code XML}, {@code
   * TIME*}, ...
   *
   * @param name the variable name, upper case
   * @return true when it is not derived
   */
  static boolean never(String name) {
    return NOT_DERIVED.contains(name) || name.startsWith("TIME");
  }

  /**
   * {@link #id}, or {@link #NEVER} for a variable that is never derived, worked out once for a
   * compiled rule.
   *
   * @param name the variable name, upper case
   * @return its number, -1 or {@link #NEVER}
   */
  static int number(String name) {
    return never(name) ? NEVER : id(name);
  }

  /** The count of numbered variables. */
  static int count() {
    return NAMES.size();
  }
}
