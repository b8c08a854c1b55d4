package dev.tdeveloper.compliance.privacy;

/** The lawful bases for processing personal data of GDPR Art. 6(1). */
public enum LawfulBasis {
  /** (a) The subject consented. */
  CONSENT,
  /** (b) Needed for a contract with the subject. */
  CONTRACT,
  /** (c) Needed to comply with a legal obligation. */
  LEGAL_OBLIGATION,
  /** (d) Needed to protect someone's vital interests. */
  VITAL_INTERESTS,
  /** (e) Needed for a task in the public interest or official authority. */
  PUBLIC_TASK,
  /** (f) Needed for the legitimate interests of the controller or a third party. */
  LEGITIMATE_INTERESTS
}
