package dev.tdeveloper.demo;

import dev.tdeveloper.compliance.privacy.DataSubject;
import dev.tdeveloper.compliance.spi.ErasureStrategy;
import dev.tdeveloper.compliance.spi.PersonalDataConnector;
import dev.tdeveloper.compliance.spi.PersonalDataRecord;
import dev.tdeveloper.demo.notes.Note;
import dev.tdeveloper.demo.notes.Notes;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.context.TenantContext;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The demo's notes as GDPR sees them: a subject's notes are those whose author is the subject's
 * {@value #USER_ID} identifier, in the subject's tenant only (every call binds that tenant, and the
 * {@link Notes} reads the tenant from the context alone). Category {@value #CATEGORY}; each record
 * holds the note's {@code id}, {@code text}, {@code author} and {@code createdAt}.
 *
 * <p>Erasure by {@link ErasureStrategy#DELETE} deletes the notes, by {@link ErasureStrategy#MASK}
 * replaces their text with {@value #MASKED_TEXT} and removes the author; either way the journal is
 * compacted, so no earlier ciphertext of them stays on disk. Rectification changes the {@code text}
 * field only (the author is the identity itself, id and creation time are system facts).
 *
 * <p>Restrictions are kept <b>in memory only</b>, lost on restart, and cleared by an erasure: the
 * demo processes notes for no purpose other than serving them back to their tenant, so nothing
 * consults them yet; a real service would persist them next to the data. Thread-safe.
 */
final class NotesPersonalDataConnector implements PersonalDataConnector {
  /** The connector's name: {@value}. */
  static final String NAME = "notes";

  /** The category of the notes: {@value}. */
  static final String CATEGORY = "notes";

  /** The identifier kind matched against a note's author: {@value}. */
  static final String USER_ID = "userId";

  /** The text a masked note keeps: {@value}. */
  static final String MASKED_TEXT = "[erased]";

  private static final Set<ErasureStrategy> STRATEGIES =
      Collections.unmodifiableSet(
          new java.util.LinkedHashSet<>(List.of(ErasureStrategy.DELETE, ErasureStrategy.MASK)));

  private final Notes notes;
  private final Map<Restricted, Set<String>> restrictions = new ConcurrentHashMap<>();

  private record Restricted(TenantId tenant, String userId) {}

  NotesPersonalDataConnector(Notes notes) {
    this.notes = Objects.requireNonNull(notes, "notes");
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<String> categories() {
    return Set.of(CATEGORY);
  }

  @Override
  public Set<ErasureStrategy> supportedStrategies() {
    return STRATEGIES;
  }

  @Override
  public List<PersonalDataRecord> collect(DataSubject subject) {
    return inTenant(
        subject,
        List.of(),
        author -> notes.byAuthor(author).stream().map(NotesPersonalDataConnector::record).toList());
  }

  @Override
  public int erase(DataSubject subject, ErasureStrategy strategy, Set<String> categories) {
    Objects.requireNonNull(strategy, "strategy");
    Objects.requireNonNull(categories, "categories");
    if (!STRATEGIES.contains(strategy)) {
      throw new IllegalArgumentException(
          "connector " + NAME + " does not support " + strategy + "; it supports " + STRATEGIES);
    }
    for (String category : categories) {
      if (!CATEGORY.equals(category)) {
        throw new IllegalArgumentException(
            "connector " + NAME + " has no category '" + category + "'; it has [" + CATEGORY + "]");
      }
    }
    if (categories.isEmpty()) {
      return 0;
    }
    int erased =
        inTenant(
            subject,
            0,
            author ->
                notes.rewriteByAuthor(
                    author,
                    n ->
                        strategy == ErasureStrategy.DELETE
                            ? Optional.empty()
                            : Optional.of(new Note(n.id(), MASKED_TEXT, n.createdAt()))));
    userId(subject).ifPresent(u -> restrictions.remove(new Restricted(subject.tenant(), u)));
    return erased;
  }

  @Override
  public int rectify(DataSubject subject, String field, String newValue) {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(newValue, "newValue");
    if (Set.of("id", "author", "createdAt").contains(field)) {
      throw new IllegalArgumentException(
          "connector " + NAME + " cannot rectify field '" + field + "'; only 'text'");
    }
    if (!"text".equals(field)) {
      return 0; // no note has such a field
    }
    new Note(1, newValue, java.time.Instant.EPOCH); // checks the text before anything changes
    return inTenant(
        subject,
        0,
        author ->
            notes.rewriteByAuthor(
                author, n -> Optional.of(new Note(n.id(), newValue, n.createdAt(), n.author()))));
  }

  @Override
  public void restrict(DataSubject subject, Set<String> purposes) {
    Objects.requireNonNull(purposes, "purposes");
    userId(subject)
        .ifPresent(
            u ->
                restrictions
                    .computeIfAbsent(
                        new Restricted(subject.tenant(), u), k -> ConcurrentHashMap.newKeySet())
                    .addAll(purposes));
  }

  @Override
  public Set<String> restrictions(DataSubject subject) {
    return userId(subject)
        .map(u -> restrictions.getOrDefault(new Restricted(subject.tenant(), u), Set.of()))
        .<Set<String>>map(s -> Collections.unmodifiableSet(new TreeSet<>(s)))
        .orElse(Set.of());
  }

  private static Optional<String> userId(DataSubject subject) {
    return Optional.ofNullable(
        Objects.requireNonNull(subject, "subject").identifiers().get(USER_ID));
  }

  private interface ByAuthor<T> {
    T apply(String author);
  }

  /**
   * Runs {@code action} for the subject's user id bound to the subject's tenant; a subject without
   * a user id, or a tenant without an open notes space, has no notes here.
   */
  private <T> T inTenant(DataSubject subject, T none, ByAuthor<T> action) {
    Optional<String> author = userId(subject);
    if (author.isEmpty() || !notes.hasSpace(subject.tenant())) {
      return none;
    }
    Supplier<T> call = () -> action.apply(author.get());
    return TenantContext.get(subject.tenant(), call);
  }

  private static PersonalDataRecord record(Note note) {
    Map<String, String> fields = new java.util.TreeMap<>();
    fields.put("id", Long.toString(note.id()));
    fields.put("text", note.text());
    fields.put("createdAt", note.createdAt().toString());
    note.author().ifPresent(a -> fields.put("author", a));
    return PersonalDataRecord.of(CATEGORY, fields);
  }
}
