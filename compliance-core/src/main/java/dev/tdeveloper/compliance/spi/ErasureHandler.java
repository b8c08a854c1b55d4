package dev.tdeveloper.compliance.spi;

import dev.tdeveloper.compliance.privacy.DataSubject;
import java.util.List;

/**
 * Performs one {@link ErasureStrategy} on a subject's records, so that a {@link
 * PersonalDataConnector} can delegate <em>how</em> data is erased: deleting rows, overwriting
 * fields, or destroying the subject's encryption key (crypto-shredding, wired to a key manager by
 * the user or the demo). Ready-made handlers are in {@code
 * dev.tdeveloper.compliance.privacy.ErasureHandlers}. Implementations must be thread-safe.
 */
public interface ErasureHandler {
  /** Returns the strategy this handler performs. */
  ErasureStrategy strategy();

  /**
   * Erases {@code records} of {@code subject} and returns what may remain of them: nothing for
   * {@link ErasureStrategy#DELETE} and {@link ErasureStrategy#CRYPTO_SHRED}, records in which no
   * field identifies the subject any longer for {@link ErasureStrategy#MASK}. A connector keeps
   * only what is returned, unlinked from the subject.
   *
   * @param subject whose records these are
   * @param records every record of the subject in the categories to erase
   * @return what remains, never linked to the subject
   * @throws RuntimeException if erasure fails (such as a key that cannot be destroyed); the
   *     connector then keeps the records unchanged and reports the failure
   */
  List<PersonalDataRecord> erase(DataSubject subject, List<PersonalDataRecord> records);
}
