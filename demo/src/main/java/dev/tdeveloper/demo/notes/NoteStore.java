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

/**
 * The demo's data: notes kept strictly per tenant, durable and encrypted at rest. Every operation
 * takes the tenant from {@link TenantContext#require()}, never from a parameter, so a handler
 * cannot address another tenant's notes even by mistake.
 *
 * <p>Each tenant's notes live in their own append-only journal {@code <directory>/<tenant>.notes}
 * ({@link NoteJournal}): a note is acknowledged only once its record is forced to disk. A note's
 * text is sealed with {@link EnvelopeEncryptor} under the tenant's key, the associated data binding
 * the tenant, the note's id and its creation time ({@link #context}), so the files hold no
 * plaintext and a record moved to another tenant or note fails to decrypt. Notes are decrypted on
 * every read: a destroyed key (crypto-shredding) makes them unreadable at once. Ids count from 1
 * per tenant and are never reused. Thread-safe.
 */
public final class NoteStore implements AutoCloseable {
  /** The suffix of a tenant's notes journal in the store's directory: {@value}. */
  public static final String FILE_SUFFIX = ".notes";

  private final Path directory;
  private final EnvelopeEncryptor encryptor;
  private final InstantSource clock;
  private final Map<TenantId, NoteJournal> byTenant = new ConcurrentHashMap<>();

  /**
   * Creates a store over {@code directory} (created if missing), sealing notes with {@code
   * encryptor}. Tenants' journals are opened by {@link #createSpace}.
   *
   * @throws UncheckedIOException if the directory cannot be created
   */
  public NoteStore(Path directory, EnvelopeEncryptor encryptor, InstantSource clock) {
    this.directory = Objects.requireNonNull(directory, "directory");
    this.encryptor = Objects.requireNonNull(encryptor, "encryptor");
    this.clock = Objects.requireNonNull(clock, "clock");
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the notes directory " + directory, e);
    }
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
  public synchronized boolean createSpace(TenantId tenant) {
    if (byTenant.containsKey(Objects.requireNonNull(tenant, "tenant"))) {
      return false;
    }
    boolean created = !Files.exists(fileOf(tenant));
    byTenant.put(tenant, NoteJournal.open(fileOf(tenant)));
    return created;
  }

  /** Closes the notes space of {@code tenant}, keeping its journal on disk; idempotent. */
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
  public boolean hasSpace(TenantId tenant) {
    return byTenant.containsKey(tenant);
  }

  /**
   * Creates a note for the current tenant; durable when it returns.
   *
   * @throws IllegalArgumentException if the text is blank or too long (nothing is written)
   */
  public Note create(String text) {
    TenantId tenant = TenantContext.require();
    NoteJournal notes = notes();
    Instant now = clock.instant();
    new Note(1, text, now); // validates the text before anything is written
    synchronized (notes) {
      long id = notes.nextId();
      byte[] sealed =
          encryptor.encrypt(tenant, text.getBytes(StandardCharsets.UTF_8), context(id, now));
      notes.put(new Sealed(id, now, sealed));
      return new Note(id, text, now);
    }
  }

  /** Returns the current tenant's notes, oldest first. */
  public List<Note> list() {
    TenantId tenant = TenantContext.require();
    return notes().notes().values().stream().map(s -> open(tenant, s)).toList();
  }

  /** Returns the current tenant's note {@code id}, if it exists. */
  public Optional<Note> find(long id) {
    TenantId tenant = TenantContext.require();
    return Optional.ofNullable(notes().notes().get(id)).map(s -> open(tenant, s));
  }

  /** Deletes the current tenant's note {@code id}; returns whether it existed. */
  public boolean delete(long id) {
    NoteJournal notes = notes();
    synchronized (notes) {
      return notes.delete(id);
    }
  }

  /** Returns how many notes the current tenant has. */
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

  private NoteJournal space(TenantId tenant) {
    NoteJournal notes = byTenant.get(Objects.requireNonNull(tenant, "tenant"));
    if (notes == null) {
      throw new IllegalStateException("tenant '" + tenant + "' has no open notes space");
    }
    return notes;
  }

  private Note open(TenantId tenant, Sealed sealed) {
    byte[] text =
        encryptor.decrypt(tenant, sealed.ciphertext(), context(sealed.id(), sealed.createdAt()));
    return new Note(sealed.id(), new String(text, StandardCharsets.UTF_8), sealed.createdAt());
  }

  /** The associated data of a note's envelope (the encryptor adds the tenant). */
  static byte[] context(long id, Instant createdAt) {
    return ("tdev-demo-note/" + id + "/" + createdAt.getEpochSecond() + "." + createdAt.getNano())
        .getBytes(StandardCharsets.US_ASCII);
  }

  /** Closes every open journal; the store must not be used afterwards. */
  @Override
  public synchronized void close() {
    List.copyOf(byTenant.keySet()).forEach(this::closeSpace);
  }
}
