package dev.tdeveloper.security.secrets.rotation;

/** The four steps of a rotation, in order (AWS Secrets Manager's createSecret ... finishSecret). */
public enum RotationStep {
  /** A candidate credential is stored as a new version labelled PENDING. */
  CREATE_PENDING,
  /** The candidate is set in the target system. */
  SET_IN_TARGET,
  /** The candidate is proven to log in to the target system. */
  TEST,
  /** PENDING becomes CURRENT, the old CURRENT becomes PREVIOUS, and the PENDING label goes. */
  PROMOTE
}
