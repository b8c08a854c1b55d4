package dev.tdeveloper.backend.aws.secrets;

import dev.tdeveloper.security.spi.SecretVersion;

/**
 * Our version ids (1 to 64 characters) as Secrets Manager version ids (its ClientRequestToken: 32
 * to 64 characters). An id of 32 characters or more, such as a UUID, is used as it is, so a version
 * written by a rotation Lambda keeps its id; a shorter one becomes {@code tdvid<2-digit
 * length><id>} padded with {@code 0} to 32 characters. Ids of 32 or more characters starting with
 * {@value #RESERVED} are refused, so the mapping is one to one.
 */
final class VersionIds {
  static final String RESERVED = "tdvid";
  private static final int AWS_MIN = 32;

  private VersionIds() {}

  /** Returns the Secrets Manager version id of {@code versionId}. */
  static String toAws(String versionId) {
    SecretVersion.checkVersionId(versionId);
    if (versionId.length() >= AWS_MIN) {
      if (versionId.startsWith(RESERVED)) {
        throw new IllegalArgumentException(
            "invalid secret version id '"
                + versionId
                + "': ids of 32 or more characters must not start with '"
                + RESERVED
                + "' (reserved for short ids in AWS Secrets Manager)");
      }
      return versionId;
    }
    StringBuilder out = new StringBuilder(AWS_MIN).append(RESERVED);
    out.append(versionId.length() < 10 ? "0" : "").append(versionId.length()).append(versionId);
    while (out.length() < AWS_MIN) {
      out.append('0');
    }
    return out.toString();
  }

  /** Returns our id of a Secrets Manager version id. */
  static String fromAws(String awsId) {
    if (awsId.startsWith(RESERVED) && awsId.length() == AWS_MIN) {
      try {
        int length = Integer.parseInt(awsId.substring(5, 7));
        if (length >= 1 && length < AWS_MIN) {
          return awsId.substring(7, 7 + length);
        }
      } catch (NumberFormatException e) {
        return awsId;
      }
    }
    return awsId;
  }
}
