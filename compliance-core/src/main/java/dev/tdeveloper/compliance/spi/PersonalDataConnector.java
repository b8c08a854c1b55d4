package dev.tdeveloper.compliance.spi;

import dev.tdeveloper.compliance.privacy.DataSubject;
import java.util.List;
import java.util.Set;

/**
 * One system that holds personal data (a database, a CRM, a mail tool), as the privacy request
 * processor reaches it: it collects, erases, rectifies and restricts a subject's data. A connector
 * finds the subject's data by any of the subject's identifiers, within the subject's tenant only.
 * Implementations must be thread-safe; prove one by extending {@code PersonalDataConnectorContract}
 * from compliance-testkit.
 *
 * <p>Every method may throw a {@link RuntimeException} when the system fails; the processor reports
 * it against this connector's {@link #name()} and never hides it.
 */
public interface PersonalDataConnector {
  /** Returns the connector's name, unique within a processor, such as {@code crm}. */
  String name();

  /**
   * Returns the data categories the connector can hold, such as {@code profile}, {@code orders}.
   */
  Set<String> categories();

  /** Returns the erasure strategies the connector supports (at least one). */
  Set<ErasureStrategy> supportedStrategies();

  /**
   * Returns every record the connector holds about {@code subject}, in a stable order.
   *
   * @return the records; empty if it holds none
   */
  List<PersonalDataRecord> collect(DataSubject subject);

  /**
   * Erases the subject's records in {@code categories} with {@code strategy}; records in other
   * categories and of other subjects are untouched. Afterwards {@link #collect} returns no record
   * of those categories for the subject.
   *
   * @return how many records were erased
   * @throws IllegalArgumentException if the strategy is not supported (naming the connector, the
   *     strategy and the supported ones) or a category is unknown; nothing changes
   */
  int erase(DataSubject subject, ErasureStrategy strategy, Set<String> categories);

  /**
   * Sets {@code field} to {@code newValue} in every record of the subject that has the field.
   *
   * @return how many records changed; 0 if no record of the subject has the field
   */
  int rectify(DataSubject subject, String field, String newValue);

  /**
   * Restricts processing of the subject's data for {@code purposes} (GDPR Art. 18 and 21), in
   * addition to those already restricted: the data is kept but not used for them.
   */
  void restrict(DataSubject subject, Set<String> purposes);

  /** Returns the purposes the subject's data is restricted for; empty if none. */
  Set<String> restrictions(DataSubject subject);
}
