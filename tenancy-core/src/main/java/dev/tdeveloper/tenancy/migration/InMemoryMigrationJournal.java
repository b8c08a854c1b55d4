package dev.tdeveloper.tenancy.migration;

import dev.tdeveloper.tenancy.TenantId;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The in-process {@link MigrationJournal}; {@link FileMigrationJournal} keeps one as its index.
 * Thread-safe: every method holds the journal's lock.
 */
final class InMemoryMigrationJournal implements MigrationJournal {
  private final Map<UUID, MigrationState> states = new HashMap<>();

  @Override
  public synchronized boolean tryBegin(MigrationState state) {
    if (!mayBegin(state)) {
      return false;
    }
    put(state);
    return true;
  }

  @Override
  public synchronized void update(MigrationState state) {
    requireKnown(state);
    put(state);
  }

  /**
   * Returns whether {@code state} may begin: its tenant has no unfinished migration.
   *
   * @throws IllegalArgumentException if its id is already recorded
   */
  synchronized boolean mayBegin(MigrationState state) {
    Objects.requireNonNull(state, "state");
    if (states.containsKey(state.plan().id())) {
      throw new IllegalArgumentException(
          "migration " + state.plan().id() + " is already recorded; plan a new one");
    }
    return unfinished(state.plan().tenant()).isEmpty();
  }

  /** Throws {@link IllegalArgumentException} unless {@code state}'s migration is recorded. */
  synchronized void requireKnown(MigrationState state) {
    Objects.requireNonNull(state, "state");
    if (!states.containsKey(state.plan().id())) {
      throw new IllegalArgumentException("unknown migration " + state.plan().id());
    }
  }

  /** Records {@code state}, replacing any state of the same migration, without checks. */
  synchronized void put(MigrationState state) {
    states.put(state.plan().id(), state);
  }

  /** Keeps only the migrations of {@code kept}. */
  synchronized void retain(Collection<MigrationState> kept) {
    states.keySet().retainAll(kept.stream().map(s -> s.plan().id()).toList());
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
