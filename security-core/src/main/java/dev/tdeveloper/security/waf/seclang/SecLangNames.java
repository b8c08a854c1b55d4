package dev.tdeveloper.security.waf.seclang;

import java.util.Map;
import java.util.Set;

/**
 * The SecLang vocabulary this engine implements: the parser refuses anything else, naming file:line
 * and the token, and a test checks that the engine implements every name listed. Names are spelt as
 * ModSecurity documents them. The parser matches every name case-insensitively, as ModSecurity v3's
 * lexer does, and stores the spelling listed here (variables upper case).
 */
public final class SecLangNames {
  private SecLangNames() {}

  /** Directives, matched case-insensitively as ModSecurity v3 matches them. */
  public static final Set<String> DIRECTIVES =
      Set.of(
          "SecRule",
          "SecAction",
          "SecMarker",
          "SecDefaultAction",
          "SecRuleEngine",
          "SecRequestBodyAccess",
          "SecRequestBodyLimit",
          "SecRequestBodyNoFilesLimit",
          "SecRequestBodyLimitAction",
          "SecResponseBodyAccess",
          "SecResponseBodyLimit",
          "SecResponseBodyLimitAction",
          "SecResponseBodyMimeType",
          "SecResponseBodyMimeTypesClear",
          "SecRuleRemoveById",
          "SecRuleRemoveByTag",
          "SecRuleRemoveByMsg",
          "SecRuleUpdateTargetById",
          "SecRuleUpdateTargetByTag",
          "SecRuleUpdateTargetByMsg",
          "SecRuleUpdateActionById",
          "SecComponentSignature",
          "SecCollectionTimeout",
          "SecArgumentSeparator",
          "Include",
          "IncludeOptional");

  /** Operators, without {@code @}. */
  public static final Set<String> OPERATORS =
      Set.of(
          "rx",
          "pm",
          "pmFromFile",
          "streq",
          "beginsWith",
          "endsWith",
          "contains",
          "containsWord",
          "within",
          "eq",
          "ge",
          "gt",
          "le",
          "lt",
          "ipMatch",
          "ipMatchFromFile",
          "validateByteRange",
          "validateUrlEncoding",
          "validateUtf8Encoding",
          "detectSQLi",
          "detectXSS",
          "unconditionalMatch",
          "noMatch",
          "geoLookup",
          "rbl");

  /** Operator aliases and the operator each stands for. */
  public static final Map<String, String> OPERATOR_ALIASES =
      Map.of("pmf", "pmFromFile", "ipMatchF", "ipMatchFromFile");

  /** Transformations ({@code t:} actions). */
  public static final Set<String> TRANSFORMATIONS =
      Set.of(
          "none",
          "lowercase",
          "uppercase",
          "urlDecode",
          "urlDecodeUni",
          "urlEncode",
          "htmlEntityDecode",
          "jsDecode",
          "cssDecode",
          "cmdLine",
          "compressWhitespace",
          "removeWhitespace",
          "removeNulls",
          "replaceNulls",
          "removeComments",
          "removeCommentsChar",
          "replaceComments",
          "normalizePath",
          "normalizePathWin",
          "base64Decode",
          "base64DecodeExt",
          "base64Encode",
          "hexEncode",
          "hexDecode",
          "sqlHexDecode",
          "length",
          "sha1",
          "md5",
          "trim",
          "trimLeft",
          "trimRight",
          "utf8toUnicode",
          "escapeSeqDecode",
          "parityEven7bit",
          "parityOdd7bit",
          "parityZero7bit");

  /** Transformation aliases (British spellings) and the transformation each stands for. */
  public static final Map<String, String> TRANSFORMATION_ALIASES =
      Map.of("normalisePath", "normalizePath", "normalisePathWin", "normalizePathWin");

  /** Collections: variables with keys ({@code ARGS:name}). */
  public static final Set<String> COLLECTIONS =
      Set.of(
          "ARGS",
          "ARGS_GET",
          "ARGS_POST",
          "ARGS_NAMES",
          "ARGS_GET_NAMES",
          "ARGS_POST_NAMES",
          "REQUEST_HEADERS",
          "REQUEST_HEADERS_NAMES",
          "REQUEST_COOKIES",
          "REQUEST_COOKIES_NAMES",
          "RESPONSE_HEADERS",
          "RESPONSE_HEADERS_NAMES",
          "FILES",
          "FILES_NAMES",
          "FILES_SIZES",
          "FILES_TMPNAMES",
          "MULTIPART_PART_HEADERS",
          "MATCHED_VARS",
          "MATCHED_VARS_NAMES",
          "TX",
          "IP",
          "GLOBAL",
          "SESSION",
          "USER",
          "RESOURCE",
          "GEO",
          "ENV",
          "XML",
          "RULE");

  /** Single-valued variables. */
  public static final Set<String> VARIABLES =
      Set.of(
          "ARGS_COMBINED_SIZE",
          "AUTH_TYPE",
          "DURATION",
          "FILES_COMBINED_SIZE",
          "FULL_REQUEST",
          "FULL_REQUEST_LENGTH",
          "HIGHEST_SEVERITY",
          "INBOUND_DATA_ERROR",
          "MATCHED_VAR",
          "MATCHED_VAR_NAME",
          "MULTIPART_BOUNDARY_QUOTED",
          "MULTIPART_BOUNDARY_WHITESPACE",
          "MULTIPART_CRLF_LF_LINES",
          "MULTIPART_DATA_AFTER",
          "MULTIPART_DATA_BEFORE",
          "MULTIPART_FILE_LIMIT_EXCEEDED",
          "MULTIPART_FILENAME",
          "MULTIPART_HEADER_FOLDING",
          "MULTIPART_INVALID_HEADER_FOLDING",
          "MULTIPART_INVALID_PART",
          "MULTIPART_INVALID_QUOTING",
          "MULTIPART_LF_LINE",
          "MULTIPART_MISSING_SEMICOLON",
          "MULTIPART_NAME",
          "MULTIPART_STRICT_ERROR",
          "MULTIPART_UNMATCHED_BOUNDARY",
          "OUTBOUND_DATA_ERROR",
          "PATH_INFO",
          "QUERY_STRING",
          "REMOTE_ADDR",
          "REMOTE_HOST",
          "REMOTE_PORT",
          "REMOTE_USER",
          "REQBODY_ERROR",
          "REQBODY_ERROR_MSG",
          "REQBODY_PROCESSOR",
          "REQBODY_PROCESSOR_ERROR",
          "REQUEST_BASENAME",
          "REQUEST_BODY",
          "REQUEST_BODY_LENGTH",
          "REQUEST_FILENAME",
          "REQUEST_LINE",
          "REQUEST_METHOD",
          "REQUEST_PROTOCOL",
          "REQUEST_URI",
          "REQUEST_URI_RAW",
          "RESPONSE_BODY",
          "RESPONSE_CONTENT_LENGTH",
          "RESPONSE_CONTENT_TYPE",
          "RESPONSE_PROTOCOL",
          "RESPONSE_STATUS",
          "SERVER_ADDR",
          "SERVER_NAME",
          "SERVER_PORT",
          "STATUS_LINE",
          "TIME",
          "TIME_DAY",
          "TIME_EPOCH",
          "TIME_HOUR",
          "TIME_MIN",
          "TIME_MON",
          "TIME_SEC",
          "TIME_WDAY",
          "TIME_YEAR",
          "UNIQUE_ID",
          "URLENCODED_ERROR",
          "USERID");

  /** Actions. */
  public static final Set<String> ACTIONS =
      Set.of(
          "accuracy",
          "allow",
          "auditlog",
          "block",
          "capture",
          "chain",
          "ctl",
          "deny",
          "drop",
          "expirevar",
          "id",
          "initcol",
          "log",
          "logdata",
          "maturity",
          "msg",
          "multiMatch",
          "noauditlog",
          "nolog",
          "pass",
          "phase",
          "redirect",
          "rev",
          "setenv",
          "setvar",
          "severity",
          "skip",
          "skipAfter",
          "status",
          "t",
          "tag",
          "ver");

  /** {@code ctl:} options. */
  public static final Set<String> CTL_OPTIONS =
      Set.of(
          "ruleRemoveById",
          "ruleRemoveByTag",
          "ruleRemoveTargetById",
          "ruleRemoveTargetByTag",
          "ruleEngine",
          "requestBodyProcessor",
          "requestBodyAccess",
          "forceRequestBodyVariable",
          "auditEngine",
          "auditLogParts");
}
