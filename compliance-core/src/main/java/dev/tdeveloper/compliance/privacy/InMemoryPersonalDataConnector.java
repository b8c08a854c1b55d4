package dev.tdeveloper.compliance.privacy;

import dev.tdeveloper.compliance.spi.ErasureHandler;
import dev.tdeveloper.compliance.spi.ErasureStrategy;
import dev.tdeveloper.compliance.spi.PersonalDataConnector;
import dev.tdeveloper.compliance.spi.PersonalDataRecord;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A {@link PersonalDataConnector} over records held in memory, for tests, the demo and small
 * embedded systems. Records are stored against the subject they were {@link #store stored} for and
 * found by any shared identifier in the same tenant. Masked records (strategy {@link
 * ErasureStrategy#MASK}) are kept apart, unlinked from any subject ({@link #anonymizedRecords()}).
 *
 * <p>Thread-safe: every method holds the connector's lock.
 */
public final class InMemoryPersonalDataConnector implements PersonalDataConnector {
  private record Entry(DataSubject subject, PersonalDataRecord record) {}

  private record Restriction(DataSubject subject, Set<String> purposes) {}

  private final String name;
  private final Set<String> categories;
  private final Map<ErasureStrategy, ErasureHandler> handlers;
  private final List<Entry> entries = new ArrayList<>();
  private final List<Restriction> restrictions = new ArrayList<>();
  private final List<PersonalDataRecord> anonymized = new ArrayList<>();

  private InMemoryPersonalDataConnector(
      String name, Set<String> categories, Map<ErasureStrategy, ErasureHandler> handlers) {
    this.name = name;
    this.categories = categories;
    this.handlers = handlers;
  }

  /**
   * Returns a connector named {@code name} holding {@code categories}, erasing with {@code
   * handlers} (one per strategy); with no handler it supports {@link ErasureHandlers#delete()} and
   * {@link ErasureHandlers#mask} (keeping no field).
   *
   * @throws IllegalArgumentException if the name or a category is invalid, there is no category, or
   *     two handlers perform the same strategy
   */
  public static InMemoryPersonalDataConnector create(
      String name, Set<String> categories, ErasureHandler... handlers) {
    Checks.name("connector name", name);
    if (categories.isEmpty()) {
      throw new IllegalArgumentException("connector " + name + " needs at least one category");
    }
    Set<String> cats = new TreeSet<>();
    categories.forEach(c -> cats.add(Checks.name("category", c)));
    List<ErasureHandler> given =
        handlers.length == 0
            ? List.of(ErasureHandlers.delete(), ErasureHandlers.mask(Set.of()))
            : List.of(handlers);
    Map<ErasureStrategy, ErasureHandler> byStrategy = new EnumMap<>(ErasureStrategy.class);
    for (ErasureHandler h : given) {
      if (byStrategy.putIfAbsent(h.strategy(), h) != null) {
        throw new IllegalArgumentException(
            "connector " + name + " got two handlers for " + h.strategy());
      }
    }
    return new InMemoryPersonalDataConnector(
        name, Set.copyOf(cats), java.util.Collections.unmodifiableMap(byStrategy));
  }

  /**
   * Stores {@code record} for {@code subject}.
   *
   * @throws IllegalArgumentException if the record's category is not one of this connector's
   */
  public synchronized void store(DataSubject subject, PersonalDataRecord record) {
    Objects.requireNonNull(subject, "subject");
    requireCategory(Objects.requireNonNull(record, "record").category());
    entries.add(new Entry(subject, record));
  }

  /** Returns the masked records, which no longer belong to any subject. */
  public synchronized List<PersonalDataRecord> anonymizedRecords() {
    return List.copyOf(anonymized);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Set<String> categories() {
    return categories;
  }

  @Override
  public Set<ErasureStrategy> supportedStrategies() {
    return handlers.keySet();
  }

  @Override
  public synchronized List<PersonalDataRecord> collect(DataSubject subject) {
    Objects.requireNonNull(subject, "subject");
    return entries.stream().filter(e -> e.subject.matches(subject)).map(Entry::record).toList();
  }

  @Override
  public synchronized int erase(
      DataSubject subject, ErasureStrategy strategy, Set<String> erasedCategories) {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(strategy, "strategy");
    ErasureHandler handler = handlers.get(strategy);
    if (handler == null) {
      throw new IllegalArgumentException(
          "connector "
              + name
              + " does not support erasure strategy "
              + strategy
              + "; supported: "
              + new TreeSet<>(handlers.keySet()));
    }
    erasedCategories.forEach(this::requireCategory);
    List<Entry> doomed =
        entries.stream()
            .filter(e -> e.subject.matches(subject))
            .filter(e -> erasedCategories.contains(e.record.category()))
            .toList();
    List<PersonalDataRecord> remaining =
        handler.erase(subject, doomed.stream().map(Entry::record).toList());
    entries.removeAll(doomed);
    anonymized.addAll(remaining);
    if (entries.stream().noneMatch(e -> e.subject.matches(subject))) {
      restrictions.removeIf(r -> r.subject.matches(subject));
    }
    return doomed.size();
  }

  @Override
  public synchronized int rectify(DataSubject subject, String field, String newValue) {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(newValue, "newValue");
    int changed = 0;
    for (int i = 0; i < entries.size(); i++) {
      Entry e = entries.get(i);
      if (e.subject.matches(subject) && e.record.fields().containsKey(field)) {
        entries.set(i, new Entry(e.subject, e.record.with(field, newValue)));
        changed++;
      }
    }
    return changed;
  }

  @Override
  public synchronized void restrict(DataSubject subject, Set<String> purposes) {
    Objects.requireNonNull(subject, "subject");
    Set<String> copy = new TreeSet<>();
    purposes.forEach(p -> copy.add(Checks.name("purpose", p)));
    restrictions.add(new Restriction(subject, Set.copyOf(copy)));
  }

  @Override
  public synchronized Set<String> restrictions(DataSubject subject) {
    Objects.requireNonNull(subject, "subject");
    Set<String> out = new TreeSet<>();
    restrictions.stream()
        .filter(r -> r.subject.matches(subject))
        .forEach(r -> out.addAll(r.purposes));
    return Set.copyOf(out);
  }

  @Override
  public String toString() {
    return "InMemoryPersonalDataConnector[" + name + "]";
  }

  private void requireCategory(String category) {
    if (!categories.contains(category)) {
      throw new IllegalArgumentException(
          "connector "
              + name
              + " does not hold category '"
              + category
              + "'; it holds "
              + new TreeSet<>(categories));
    }
  }
}
