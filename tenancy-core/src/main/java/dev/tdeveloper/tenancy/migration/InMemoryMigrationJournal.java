package dev.tdeveloper.tenancy.migration;

import dev.tdeveloper.tenancy.TenantId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** The in-process {@link MigrationJournal}. Thread-safe: every method holds the journal's lock. */
final class InMemoryMigrationJournal implements MigrationJournal {
  private final Map<UUID, MigrationState> states = new HashMap<>();

  @Override
  public synchronized boolean tryBegin(MigrationState state) {
    Objects.requireNonNull(state, "state");
    if (states.containsKey(state.plan().id())) {
      throw new IllegalArgumentException(
          "migration " + state.plan().id() + " is already recorded; plan a new one");
    }
    if (unfinished(state.plan().tenant()).isPresent()) {
      return false;
    }
    states.put(state.plan().id(), state);
    return true;
  }

  @Override
  public synchronized void update(MigrationState state) {
    Objects.requireNonNull(state, "state");
    if (!states.containsKey(state.plan().id())) {
      throw new IllegalArgumentException("unknown migration " + state.plan().id());
    }
    states.put(state.plan().id(), state);
  }

  @Override
  public synchronized Optional<MigrationState> find(UUID id) {
    return Optional.ofNullable(states.get(Objects.requireNonNull(id, "id")));
  }

  @Override
  public synchronized Optional<MigrationState> unfinished(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    return states.values().stream()
        .filter(s -> s.plan().tenant().equals(tenant) && !s.phase().isTerminal())
        .findFirst();
  }

  @Override
  public synchronized List<MigrationState> list() {
    return states.values().stream()
        .sorted(
            Comparator.comparing((MigrationState s) -> s.plan().plannedAt())
                .thenComparing(s -> s.plan().id()))
        .toList();
  }
}
