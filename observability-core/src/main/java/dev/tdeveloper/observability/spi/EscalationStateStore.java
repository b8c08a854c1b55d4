package dev.tdeveloper.observability.spi;

import java.util.List;
import java.util.Optional;

/**
 * Keeps the {@link EscalationState} of every incident being escalated where it survives a restart,
 * so a restarted {@code Escalator} neither pages level 1 again nor forgets how far it got or who
 * acknowledged. One entry per incident id; entries of different incidents (and so of different
 * tenants) never affect each other.
 *
 * <p>Contract (checked by {@code EscalationStateStoreContract} in observability-testkit):
 *
 * <ul>
 *   <li>{@link #save} replaces the incident's entry and is durable when it returns: a crash right
 *       after it still loads the new entry; a crash during it loads the old or the new one.
 *   <li>{@link #load} and {@link #loadAll} return what was saved, also by an earlier instance over
 *       the same location, equal to the saved value.
 *   <li>{@link #remove} deletes one incident's entry; removing an unknown id does nothing.
 *   <li>A failure to read or write is an {@link
 *       dev.tdeveloper.observability.ObservabilityException} naming the location; a failed save
 *       leaves the previous entry in place.
 * </ul>
 *
 * <p>Implementations are thread-safe.
 */
public interface EscalationStateStore extends AutoCloseable {
  /**
   * Returns the entry of one incident.
   *
   * @param incidentId the incident id
   * @return the entry, empty if none is stored
   */
  Optional<EscalationState> load(String incidentId);

  /**
   * Returns every stored entry, in incident id order.
   *
   * @return the entries
   */
  List<EscalationState> loadAll();

  /**
   * Stores the entry of {@code state.incidentId()} durably, replacing the one stored.
   *
   * @param state the entry
   */
  void save(EscalationState state);

  /**
   * Deletes the entry of one incident, if there is one.
   *
   * @param incidentId the incident id
   */
  void remove(String incidentId);

  /** Releases the store's resources (files, locks, connections); later calls may fail. */
  @Override
  void close();
}
