package dev.tdeveloper.security.waf.body;

/**
 * The settings body processors read, with ModSecurity's defaults. Immutable.
 *
 * @param argumentSeparator the separator of URL-encoded arguments ({@code SecArgumentSeparator},
 *     default {@code &})
 * @param uploadFileLimit the number of file parts a multipart body may carry before {@code
 *     MULTIPART_FILE_LIMIT_EXCEEDED} is set ({@code SecUploadFileLimit}, default {@value
 *     #DEFAULT_UPLOAD_FILE_LIMIT}); 0 means no limit
 * @param jsonDepthLimit the deepest nesting of JSON objects and arrays accepted ({@code
 *     SecRequestBodyJsonDepthLimit}, default {@value #DEFAULT_JSON_DEPTH_LIMIT}, the documented
 *     default of that directive; ModSecurity's recommended configuration sets 512)
 */
public record BodyProcessorConfig(char argumentSeparator, int uploadFileLimit, int jsonDepthLimit) {
  /** ModSecurity's default {@code SecUploadFileLimit}. */
  public static final int DEFAULT_UPLOAD_FILE_LIMIT = 100;

  /** The documented default of {@code SecRequestBodyJsonDepthLimit}. */
  public static final int DEFAULT_JSON_DEPTH_LIMIT = 10_000;

  /** The defaults: {@code &}, 100 files, depth 10000. */
  public static final BodyProcessorConfig DEFAULTS =
      new BodyProcessorConfig('&', DEFAULT_UPLOAD_FILE_LIMIT, DEFAULT_JSON_DEPTH_LIMIT);

  /**
   * Validates.
   *
   * @throws IllegalArgumentException when the separator is not a printable ASCII character, the
   *     file limit is negative or the depth limit is not positive
   */
  public BodyProcessorConfig {
    if (argumentSeparator <= ' ' || argumentSeparator >= 127) {
      throw new IllegalArgumentException(
          "argumentSeparator: " + (int) argumentSeparator + "; allowed: printable ASCII");
    }
    if (uploadFileLimit < 0) {
      throw new IllegalArgumentException(
          "uploadFileLimit: " + uploadFileLimit + "; allowed: 0 (no limit) or more");
    }
    if (jsonDepthLimit < 1) {
      throw new IllegalArgumentException(
          "jsonDepthLimit: " + jsonDepthLimit + "; allowed: 1 or more");
    }
  }
}
