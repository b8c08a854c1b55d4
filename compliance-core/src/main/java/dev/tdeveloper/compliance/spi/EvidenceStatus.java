package dev.tdeveloper.compliance.spi;

/** The outcome of collecting one piece of evidence. */
public enum EvidenceStatus {
  /** The evidence shows the control operating for the whole population. */
  PASS,
  /** The evidence shows at least one deviation; the facts name the items concerned. */
  FAIL,
  /** The evidence could not be gathered, so it shows neither operation nor deviation. */
  ERROR
}
