package dev.tdeveloper.security.waf.body;

import java.util.HashMap;
import java.util.Map;

/** The {@code MULTIPART_*} flags of one parse. Confined to it. */
final class MultipartFlags {
  boolean error;
  boolean boundaryQuoted;
  boolean boundaryWhitespace;
  boolean missingSemicolon;
  boolean dataBefore;
  boolean dataAfter;
  boolean headerFolding;
  boolean invalidHeaderFolding;
  boolean lfLine;
  boolean crlfLine;
  boolean invalidQuoting;
  boolean invalidPart;
  boolean fileLimitExceeded;
  boolean unmatchedBoundary;

  /**
   * Every flag as ModSecurity sets it at the end of a multipart body: {@code
   * MULTIPART_STRICT_ERROR} is the OR of a structural error and every flag but {@code
   * MULTIPART_UNMATCHED_BOUNDARY} and {@code MULTIPART_CRLF_LF_LINES}; {@code
   * MULTIPART_CRLF_LF_LINES} is set when both line endings were seen.
   */
  Map<String, Integer> toMap() {
    boolean strict =
        error
            || boundaryQuoted
            || boundaryWhitespace
            || dataBefore
            || dataAfter
            || headerFolding
            || lfLine
            || missingSemicolon
            || invalidQuoting
            || invalidPart
            || invalidHeaderFolding
            || fileLimitExceeded;
    Map<String, Integer> m = new HashMap<>();
    m.put("MULTIPART_STRICT_ERROR", bit(strict));
    m.put("MULTIPART_UNMATCHED_BOUNDARY", bit(unmatchedBoundary));
    m.put("MULTIPART_BOUNDARY_QUOTED", bit(boundaryQuoted));
    m.put("MULTIPART_BOUNDARY_WHITESPACE", bit(boundaryWhitespace));
    m.put("MULTIPART_DATA_BEFORE", bit(dataBefore));
    m.put("MULTIPART_DATA_AFTER", bit(dataAfter));
    m.put("MULTIPART_HEADER_FOLDING", bit(headerFolding));
    m.put("MULTIPART_LF_LINE", bit(lfLine));
    m.put("MULTIPART_CRLF_LF_LINES", bit(crlfLine && lfLine));
    m.put("MULTIPART_MISSING_SEMICOLON", bit(missingSemicolon));
    m.put("MULTIPART_INVALID_QUOTING", bit(invalidQuoting));
    m.put("MULTIPART_INVALID_PART", bit(invalidPart));
    m.put("MULTIPART_INVALID_HEADER_FOLDING", bit(invalidHeaderFolding));
    m.put("MULTIPART_FILE_LIMIT_EXCEEDED", bit(fileLimitExceeded));
    return m;
  }

  private static int bit(boolean b) {
    return b ? 1 : 0;
  }
}
