package dev.tdeveloper.backend.aws.s3.internal;

import dev.tdeveloper.tenancy.internal.Texts;
import java.util.Objects;

/** Checks of bucket names and key prefixes, shared by the S3 builders. */
public final class Names {
  private Names() {}

  /**
   * Checks a bucket name: 3 to 63 characters of a-z, 0-9, '.' and '-', starting and ending with a
   * letter or digit.
   *
   * @throws IllegalArgumentException naming the value otherwise
   */
  public static String requireBucket(String bucket) {
    Objects.requireNonNull(bucket, "bucket");
    if (!bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
      throw new IllegalArgumentException(
          "invalid bucket "
              + Texts.quote(bucket)
              + ": expected 3 to 63 characters of a-z, 0-9, '.' and '-', starting and ending"
              + " with a letter or digit");
    }
    return bucket;
  }

  /**
   * Checks a key prefix: empty, or up to 512 characters of A-Z, a-z, 0-9, '.', '_', '-' and '/'
   * that ends with '/', does not start with '/' and holds no "//".
   *
   * @param field the setting's name for the message
   * @throws IllegalArgumentException naming the field and value otherwise
   */
  public static String requirePrefix(String field, String prefix) {
    Objects.requireNonNull(prefix, field);
    boolean ok =
        prefix.isEmpty()
            || (prefix.length() <= 512
                && prefix.endsWith("/")
                && !prefix.startsWith("/")
                && !prefix.contains("//")
                && prefix.chars().allMatch(c -> isIdChar(c) || c == '/'));
    if (!ok) {
      throw new IllegalArgumentException(
          "invalid "
              + field
              + " "
              + Texts.quote(prefix)
              + ": expected empty, or up to 512 characters of A-Z, a-z, 0-9, '.', '_', '-' and '/'"
              + " ending with '/', not starting with '/' and without '//'");
    }
    return prefix;
  }

  /** Returns whether {@code c} is a letter, digit, '.', '_' or '-'. */
  public static boolean isIdChar(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '.'
        || c == '_'
        || c == '-';
  }
}
