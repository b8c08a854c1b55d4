package dev.tdeveloper.compliance.privacy;

/**
 * A transfer of personal data outside the EEA (GDPR Art. 30(1)(e)) and its safeguard, such as
 * {@code "adequacy decision"} or {@code "standard contractual clauses 2021/914"}. Immutable.
 *
 * @param country the destination country or international organisation
 * @param safeguard the safeguard under Art. 45-49 (1 to 500 characters)
 */
public record ThirdCountryTransfer(String country, String safeguard) {
  /** Checks the fields. */
  public ThirdCountryTransfer {
    Checks.text("transfer country", country, 100);
    Checks.text("transfer safeguard", safeguard, 500);
  }
}
