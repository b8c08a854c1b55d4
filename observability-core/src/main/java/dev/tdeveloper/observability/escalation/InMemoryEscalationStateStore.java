package dev.tdeveloper.observability.escalation;

import dev.tdeveloper.observability.spi.EscalationState;
import dev.tdeveloper.observability.spi.EscalationStateStore;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * An {@link EscalationStateStore} in this JVM's memory: fast, and gone with the process, so a
 * restarted escalator starts over. For tests and for services that accept that; use {@link
 * FileEscalationStateStore} otherwise. Thread-safe.
 */
public final class InMemoryEscalationStateStore implements EscalationStateStore {
  private final ConcurrentSkipListMap<String, EscalationState> states =
      new ConcurrentSkipListMap<>();

  /** Creates an empty store. */
  public InMemoryEscalationStateStore() {}

  @Override
  public Optional<EscalationState> load(String incidentId) {
    Objects.requireNonNull(incidentId, "incidentId");
    return Optional.ofNullable(states.get(incidentId));
  }

  @Override
  public List<EscalationState> loadAll() {
    return List.copyOf(states.values());
  }

  @Override
  public void save(EscalationState state) {
    Objects.requireNonNull(state, "state");
    states.put(state.incidentId(), state);
  }

  @Override
  public void remove(String incidentId) {
    Objects.requireNonNull(incidentId, "incidentId");
    states.remove(incidentId);
  }

  @Override
  public void close() {
    // nothing to release
  }

  @Override
  public String toString() {
    return "InMemoryEscalationStateStore[" + states.size() + " incidents]";
  }
}
