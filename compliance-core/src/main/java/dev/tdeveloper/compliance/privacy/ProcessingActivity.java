package dev.tdeveloper.compliance.privacy;

import java.util.List;
import java.util.Objects;

/**
 * One entry of the record of processing activities (GDPR Art. 30(1)): what is processed, why, on
 * which lawful basis, about whom, who receives it, where it goes, how long it is kept and how it is
 * protected. Immutable and thread-safe.
 *
 * @param name the activity's name, unique in its record, such as {@code customer-support}
 * @param controller the controller (and representative, DPO) with contact details
 * @param purposes why the data is processed (at least one)
 * @param lawfulBasis the Art. 6 basis
 * @param dataCategories categories of personal data (at least one)
 * @param subjectCategories categories of data subjects (at least one)
 * @param recipients categories of recipients (may be empty)
 * @param transfers transfers to third countries with their safeguards (may be empty)
 * @param retention the time limit for erasure, such as {@code "7 years after contract end"}
 * @param securityMeasures the technical and organisational measures (at least one)
 */
public record ProcessingActivity(
    String name,
    String controller,
    List<String> purposes,
    LawfulBasis lawfulBasis,
    List<String> dataCategories,
    List<String> subjectCategories,
    List<String> recipients,
    List<ThirdCountryTransfer> transfers,
    String retention,
    List<String> securityMeasures) {

  /**
   * Checks the fields and copies the lists.
   *
   * @throws IllegalArgumentException naming the field if a text is invalid or a required list is
   *     empty
   */
  public ProcessingActivity {
    Checks.name("activity name", name);
    Checks.text("controller", controller, 500);
    purposes = texts("purposes", purposes, true);
    Objects.requireNonNull(lawfulBasis, "lawfulBasis");
    dataCategories = texts("dataCategories", dataCategories, true);
    subjectCategories = texts("subjectCategories", subjectCategories, true);
    recipients = texts("recipients", recipients, false);
    transfers = List.copyOf(Objects.requireNonNull(transfers, "transfers"));
    Checks.text("retention", retention, 500);
    securityMeasures = texts("securityMeasures", securityMeasures, true);
  }

  private static List<String> texts(String field, List<String> values, boolean required) {
    Objects.requireNonNull(values, field);
    if (required && values.isEmpty()) {
      throw new IllegalArgumentException(
          "processing activity needs at least one entry in " + field + " (GDPR Art. 30(1))");
    }
    values.forEach(v -> Checks.text(field + " entry", v, 500));
    return List.copyOf(values);
  }
}
