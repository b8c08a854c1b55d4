package dev.tdeveloper.compliance.privacy;

/** The data-subject rights of GDPR Chapter III a {@link PrivacyRequest} exercises. */
public enum PrivacyRequestType {
  /** Art. 15: a copy of the subject's personal data, as a machine-readable bundle. */
  ACCESS,
  /** Art. 17: erasure of the subject's personal data ("right to be forgotten"). */
  ERASURE,
  /** Art. 16: correction of inaccurate personal data. */
  RECTIFICATION,
  /** Art. 18: restriction of processing for some purposes. */
  RESTRICTION,
  /** Art. 20: the data in a structured, commonly used, machine-readable format. */
  PORTABILITY,
  /** Art. 21: objection to processing for some purposes, such as direct marketing. */
  OBJECTION
}
