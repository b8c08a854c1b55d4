package dev.tdeveloper.demo.notes;

import dev.tdeveloper.demo.notes.NoteJournal.Sealed;
import dev.tdeveloper.security.crypto.CiphertextStore;
import dev.tdeveloper.security.crypto.EnvelopeEncryptor;
import dev.tdeveloper.security.crypto.StoredCiphertext;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.context.TenantContext;
import dev.tdeveloper.tenancy.internal.DurableFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The demo's data: notes kept strictly per tenant, durable and encrypted at rest. Every operation
 * takes the tenant from {@link TenantContext#require()}, never from a parameter, so a handler
 * cannot address another tenant's notes even by mistake.
 *
 * <p>Each tenant's notes live in their own append-only journal {@code <directory>/<tenant>.notes}
 * ({@link NoteJournal}): a note is acknowledged only once it is durable: forced to the change log
 * first when that log is {@link NoteChangeLog#durable() durable}, else forced to the notes journal.
 * With a durable log, the log's force is the commit point: a change the log took is acknowledged
 * and visible even if the notes journal then fails to take it (the journal is repaired from memory
 * by its next checkpoint, and opening re-applies the log), and a change the log refused is neither,
 * so an answer always agrees with what a restart finds. The notes journal is then forced only by
 * checkpoints, which run on a background thread ({@link NoteJournal}). A failing disk under one
 * tenant's journal affects only that tenant. A note's text is sealed with {@link EnvelopeEncryptor}
 * under the tenant's key, the associated data binding the tenant, the note's id and its creation
 * time ({@link #context}), so the files hold no plaintext and a record moved to another tenant or
 * note fails to decrypt. Notes are decrypted on every read: a destroyed key (crypto-shredding)
 * makes them unreadable at once. Ids count from 1 per tenant and are never reused. Thread-safe.
 *
 * <p>A note's optional author (personal data) is sealed with its text: the plaintext of an authored
 * record is {@code u8 length | author (ASCII) | text (UTF-8)}, length 0 for none, and its
 * associated data names that format, so a text-only record cannot pass for an authored one. Records
 * written before notes had authors stay text-only and read as notes without author. {@link
 * #rewriteByAuthor} serves GDPR erasure and rectification: it changes or deletes the author's notes
 * and compacts the journal, so no superseded ciphertext of them stays on disk.
 */
public final class NoteStore implements Notes, AutoCloseable {
  /** The suffix of a tenant's notes journal in the store's directory: {@value}. */
  public static final String FILE_SUFFIX = ".notes";

  private final Path directory;
  private final EnvelopeEncryptor encryptor;
  private final InstantSource clock;
  private final NoteChangeLog changes;
  private final Map<TenantId, NoteJournal> byTenant = new ConcurrentHashMap<>();
  private final NoteFile.Opener files;
  private final Executor checkpoints;
  private final Optional<ExecutorService> ownCheckpointer;

  /**
   * Creates a store over {@code directory} (created if missing), sealing notes with {@code
   * encryptor}. Tenants' journals are opened by {@link #createSpace}.
   *
   * @throws UncheckedIOException if the directory cannot be created
   */
  public NoteStore(Path directory, EnvelopeEncryptor encryptor, InstantSource clock) {
    this(directory, encryptor, clock, NoteChangeLog.none());
  }

  /**
   * Creates a store whose every change {@code changes} hears first (see {@link NoteChangeLog}).
   *
   * @throws UncheckedIOException if the directory cannot be created
   */
  public NoteStore(
      Path directory, EnvelopeEncryptor encryptor, InstantSource clock, NoteChangeLog changes) {
    this(directory, encryptor, clock, changes, NoteFile.JOURNALS, Optional.empty());
  }

  /**
   * Creates a store opening its journals through {@code files} and running their checkpoints on
   * {@code checkpoints}, or on a daemon thread of its own (stopped by {@link #close}) if empty.
   */
  NoteStore(
      Path directory,
      EnvelopeEncryptor encryptor,
      InstantSource clock,
      NoteChangeLog changes,
      NoteFile.Opener files,
      Optional<Executor> checkpoints) {
    this.files = Objects.requireNonNull(files, "files");
    this.ownCheckpointer = checkpoints.isPresent() ? Optional.empty() : Optional.of(checkpointer());
    this.checkpoints = checkpoints.orElseGet(ownCheckpointer::orElseThrow);
    this.changes = Objects.requireNonNull(changes, "changes");
    this.directory = Objects.requireNonNull(directory, "directory");
    this.encryptor = Objects.requireNonNull(encryptor, "encryptor");
    this.clock = Objects.requireNonNull(clock, "clock");
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the notes directory " + directory, e);
    }
  }

  /** One daemon thread, started when a checkpoint is due and ended when idle. */
  private static ExecutorService checkpointer() {
    ThreadPoolExecutor executor =
        new ThreadPoolExecutor(
            1,
            1,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            task -> {
              Thread thread = new Thread(task, "notes-checkpointer");
              thread.setDaemon(true);
              return thread;
            });
    executor.allowCoreThreadTimeOut(true);
    return executor;
  }

  private NoteJournal notes() {
    TenantId tenant = TenantContext.require();
    NoteJournal notes = byTenant.get(tenant);
    if (notes == null) {
      throw new IllegalStateException(
          "tenant '" + tenant + "' has no notes space: not provisioned");
    }
    return notes;
  }

  /** Returns the journal file of {@code tenant}'s notes. */
  public Path fileOf(TenantId tenant) {
    return directory.resolve(Objects.requireNonNull(tenant, "tenant").value() + FILE_SUFFIX);
  }

  /**
   * Opens the notes space of {@code tenant}, creating its journal if missing, and loads its notes;
   * does nothing if it is open (a provisioning step).
   *
   * @return whether the journal was created by this call (it did not exist)
   * @throws NotesException if the journal is locked elsewhere, corrupt or unreadable
   */
  @Override
  public synchronized boolean createSpace(TenantId tenant) {
    if (byTenant.containsKey(Objects.requireNonNull(tenant, "tenant"))) {
      return false;
    }
    boolean created = !Files.exists(fileOf(tenant));
    byTenant.put(tenant, NoteJournal.open(fileOf(tenant), tenant, changes, files, checkpoints));
    return created;
  }

  /**
   * Forces {@code tenant}'s notes journal and marks it as holding every change its {@link
   * NoteChangeLog} has heard, so the log may drop them: call it before truncating the log. A
   * journal that a failed write left behind is repaired (compacted) first. Writers wait only while
   * the position is read and the mark appended, not during the forces. Does nothing if the tenant
   * has no open space (closing checkpoints) or the log is not durable.
   *
   * @throws RuntimeException if the journal cannot be forced or repaired: the log must keep its
   *     changes
   */
  public void checkpoint(TenantId tenant) {
    NoteJournal notes = byTenant.get(Objects.requireNonNull(tenant, "tenant"));
    if (notes != null) {
      notes.checkpoint();
    }
  }

  /** Closes the notes space of {@code tenant}, keeping its journal on disk; idempotent. */
  @Override
  public synchronized void closeSpace(TenantId tenant) {
    NoteJournal notes = byTenant.remove(Objects.requireNonNull(tenant, "tenant"));
    if (notes != null) {
      notes.close();
    }
  }

  /**
   * Deletes the notes space of {@code tenant}: closes it and deletes its journal (with its lock and
   * any temporary file) from disk; idempotent.
   *
   * @throws UncheckedIOException if a file cannot be deleted
   */
  @Override
  public synchronized void dropSpace(TenantId tenant) {
    closeSpace(tenant);
    Path file = fileOf(tenant);
    try {
      Files.deleteIfExists(file);
      DurableFiles.deleteTemp(file);
      Files.deleteIfExists(file.resolveSibling(file.getFileName() + ".lock"));
      DurableFiles.syncDirectory(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the notes of tenant " + tenant.value(), e);
    }
  }

  /** Returns whether {@code tenant} has an open notes space. */
  @Override
  public boolean hasSpace(TenantId tenant) {
    return byTenant.containsKey(tenant);
  }

  /**
   * Creates a note for the current tenant; durable when it returns.
   *
   * @throws IllegalArgumentException if the text is blank or too long (nothing is written)
   */
  public Note create(String text) {
    return create(text, Optional.empty());
  }

  /**
   * Creates a note of {@code author} (if given) for the current tenant; durable when it returns.
   *
   * @throws IllegalArgumentException if the text is blank or too long, or the author invalid
   *     (nothing is written)
   */
  @Override
  public Note create(String text, Optional<String> author) {
    NoteJournal notes = notes();
    Instant now = clock.instant();
    new Note(1, text, now, author); // validates text and author before anything is written
    synchronized (notes) {
      Note note = new Note(notes.nextId(), text, now, author);
      notes.put(seal(TenantContext.require(), note));
      return note;
    }
  }

  /** Returns the current tenant's notes written by {@code author}, oldest first. */
  @Override
  public List<Note> byAuthor(String author) {
    Objects.requireNonNull(author, "author");
    return list().stream().filter(n -> n.author().filter(author::equals).isPresent()).toList();
  }

  /**
   * Changes every note of the current tenant written by {@code author}: {@code change} returns the
   * note's replacement (same id and creation time; text and author may differ) or empty to delete
   * it. Afterwards the journal is compacted, so the superseded ciphertexts are gone from disk.
   *
   * @return how many notes were changed or deleted
   * @throws IllegalArgumentException if a replacement has another id or creation time (nothing
   *     further is changed)
   */
  @Override
  public int rewriteByAuthor(String author, Function<Note, Optional<Note>> change) {
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(change, "change");
    TenantId tenant = TenantContext.require();
    NoteJournal notes = notes();
    synchronized (notes) {
      int changed = 0;
      for (Sealed sealed : List.copyOf(notes.notes().values())) {
        Note note = open(tenant, sealed);
        if (note.author().filter(author::equals).isEmpty()) {
          continue;
        }
        Optional<Note> replacement = change.apply(note);
        if (replacement.isEmpty()) {
          notes.delete(note.id());
        } else {
          Note next = replacement.get();
          if (next.id() != note.id() || !next.createdAt().equals(note.createdAt())) {
            throw new IllegalArgumentException(
                "a replacement must keep the note's id and creation time");
          }
          notes.put(seal(tenant, next));
        }
        changed++;
      }
      if (changed > 0) {
        notes.compact();
      }
      return changed;
    }
  }

  /** Returns the current tenant's notes, oldest first. */
  @Override
  public List<Note> list() {
    TenantId tenant = TenantContext.require();
    return notes().notes().values().stream().map(s -> open(tenant, s)).toList();
  }

  /** Returns the current tenant's note {@code id}, if it exists. */
  @Override
  public Optional<Note> find(long id) {
    TenantId tenant = TenantContext.require();
    return Optional.ofNullable(notes().notes().get(id)).map(s -> open(tenant, s));
  }

  /** Deletes the current tenant's note {@code id}; returns whether it existed. */
  @Override
  public boolean delete(long id) {
    NoteJournal notes = notes();
    synchronized (notes) {
      return notes.delete(id);
    }
  }

  /** Returns how many notes the current tenant has. */
  @Override
  public int count() {
    return notes().notes().size();
  }

  /** Returns the stored envelope of {@code tenant}'s note {@code id}, for operators and tests. */
  public Optional<byte[]> ciphertextOf(TenantId tenant, long id) {
    NoteJournal notes = byTenant.get(Objects.requireNonNull(tenant, "tenant"));
    return Optional.ofNullable(notes == null ? null : notes.notes().get(id))
        .map(s -> s.ciphertext().clone());
  }

  /**
   * Rewrites {@code tenant}'s journal with only its live notes (after a rewrap, say), dropping the
   * ciphertexts they superseded; does nothing if the tenant has no open space.
   */
  public void compact(TenantId tenant) {
    NoteJournal notes = byTenant.get(Objects.requireNonNull(tenant, "tenant"));
    if (notes != null) {
      synchronized (notes) {
        notes.compact();
      }
    }
  }

  /**
   * Returns the notes' ciphertexts as a {@link CiphertextStore} for {@code RewrapJob}: record ids
   * are the note ids zero-padded to 19 digits (so they sort as numbers), and {@code replace} is
   * durable and atomic per note.
   */
  public CiphertextStore ciphertexts() {
    return new CiphertextStore() {
      @Override
      public List<StoredCiphertext> next(TenantId tenant, Optional<String> after, int limit) {
        NoteJournal notes = space(tenant);
        long from = after.map(Long::parseLong).orElse(0L);
        return notes.notes().tailMap(from, false).values().stream()
            .limit(limit)
            .map(s -> new StoredCiphertext(String.format("%019d", s.id()), s.ciphertext()))
            .toList();
      }

      @Override
      public boolean replace(TenantId tenant, String id, byte[] expected, byte[] replacement) {
        NoteJournal notes = space(tenant);
        synchronized (notes) {
          return notes.replace(Long.parseLong(id), expected, replacement);
        }
      }
    };
  }

  /**
   * Returns {@code tenant}'s notes as stored records by id, taken under the tenant's write lock: a
   * consistent snapshot in which every change its {@link NoteChangeLog} heard is applied.
   */
  public java.util.SortedMap<Long, byte[]> records(TenantId tenant) {
    NoteJournal notes = space(tenant);
    synchronized (notes) {
      java.util.SortedMap<Long, byte[]> records = new java.util.TreeMap<>();
      notes.notes().values().forEach(n -> records.put(n.id(), NoteRecords.record(n)));
      return records;
    }
  }

  /**
   * Returns {@code tenant}'s notes as stored versions by id, taken as {@link #records} takes them;
   * a backup compares each with the version it stored last and reads only the changed ones.
   */
  public java.util.SortedMap<Long, StoredRecord> snapshot(TenantId tenant) {
    NoteJournal notes = space(tenant);
    synchronized (notes) {
      java.util.SortedMap<Long, StoredRecord> versions = new java.util.TreeMap<>();
      notes.notes().values().forEach(n -> versions.put(n.id(), new StoredRecord(n)));
      return versions;
    }
  }

  /**
   * Decrypts stored records of {@code tenant} (as {@link #records} returns them) and returns the
   * notes, checking that each record is a note of {@code tenant} that its key opens.
   *
   * @throws IllegalArgumentException if a record is malformed
   * @throws RuntimeException from the encryptor if a record does not decrypt
   */
  public List<Note> open(TenantId tenant, java.util.Collection<byte[]> records) {
    return records.stream().map(r -> open(tenant, NoteRecords.parse(r))).toList();
  }

  /**
   * Replaces every note of {@code tenant} with the notes of {@code records} (a recovered set), in
   * one crash-safe rewrite of its journal; each record must decrypt as a note of the tenant first.
   * The change log hears the differences first. Other tenants are untouched.
   *
   * @return how many notes the tenant has now
   * @throws IllegalArgumentException if a record is malformed; nothing changes
   */
  public int replaceAll(TenantId tenant, java.util.Collection<byte[]> records) {
    NoteJournal notes = space(tenant);
    List<Sealed> sealed = records.stream().map(NoteRecords::parse).toList();
    sealed.forEach(s -> open(tenant, s)); // refuses what the tenant's key cannot open
    synchronized (notes) {
      notes.replaceAll(sealed);
      return notes.notes().size();
    }
  }

  private NoteJournal space(TenantId tenant) {
    NoteJournal notes = byTenant.get(Objects.requireNonNull(tenant, "tenant"));
    if (notes == null) {
      throw new IllegalStateException("tenant '" + tenant + "' has no open notes space");
    }
    return notes;
  }

  private Sealed seal(TenantId tenant, Note note) {
    byte[] author = note.author().orElse("").getBytes(StandardCharsets.US_ASCII);
    byte[] text = note.text().getBytes(StandardCharsets.UTF_8);
    byte[] plain =
        ByteBuffer.allocate(1 + author.length + text.length)
            .put((byte) author.length)
            .put(author)
            .put(text)
            .array();
    byte[] sealed = encryptor.encrypt(tenant, plain, context(note.id(), note.createdAt(), true));
    return new Sealed(note.id(), note.createdAt(), sealed, true);
  }

  private Note open(TenantId tenant, Sealed sealed) {
    byte[] plain =
        encryptor.decrypt(
            tenant,
            sealed.ciphertext(),
            context(sealed.id(), sealed.createdAt(), sealed.authored()));
    if (!sealed.authored()) {
      return new Note(sealed.id(), new String(plain, StandardCharsets.UTF_8), sealed.createdAt());
    }
    int length = plain[0];
    Optional<String> author =
        length == 0
            ? Optional.empty()
            : Optional.of(new String(plain, 1, length, StandardCharsets.US_ASCII));
    String text = new String(plain, 1 + length, plain.length - 1 - length, StandardCharsets.UTF_8);
    return new Note(sealed.id(), text, sealed.createdAt(), author);
  }

  /**
   * The associated data of a note's envelope (the encryptor adds the tenant), naming the authored
   * format where it is used.
   */
  static byte[] context(long id, Instant createdAt, boolean authored) {
    return ((authored ? "tdev-demo-note/authored/" : "tdev-demo-note/")
            + id
            + "/"
            + createdAt.getEpochSecond()
            + "."
            + createdAt.getNano())
        .getBytes(StandardCharsets.US_ASCII);
  }

  /** Closes every open journal; the store must not be used afterwards. */
  @Override
  public synchronized void close() {
    try {
      List.copyOf(byTenant.keySet()).forEach(this::closeSpace);
    } finally {
      ownCheckpointer.ifPresent(ExecutorService::shutdown);
    }
  }
}
