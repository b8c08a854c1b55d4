package dev.tdeveloper.security.spi;

/**
 * A staging label on a secret version, as in AWS Secrets Manager: at most one version of a secret
 * holds each label at a time, and a version may hold several.
 */
public enum SecretLabel {
  /** The version consumers use. Can be moved to another version but never removed. */
  CURRENT("AWSCURRENT"),
  /** The candidate of a rotation in progress, between creation and promotion. */
  PENDING("AWSPENDING"),
  /** The version that was CURRENT before the last promotion; moved along with CURRENT. */
  PREVIOUS("AWSPREVIOUS");

  private final String awsName;

  SecretLabel(String awsName) {
    this.awsName = awsName;
  }

  /** Returns the label's name in AWS Secrets Manager, such as {@code AWSCURRENT}. */
  public String awsName() {
    return awsName;
  }
}
