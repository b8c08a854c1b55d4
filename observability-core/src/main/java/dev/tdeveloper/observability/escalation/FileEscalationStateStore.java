package dev.tdeveloper.observability.escalation;

import dev.tdeveloper.observability.ObservabilityException;
import dev.tdeveloper.observability.spi.EscalationState;
import dev.tdeveloper.observability.spi.EscalationStateStore;
import dev.tdeveloper.tenancy.internal.DirectoryLock;
import dev.tdeveloper.tenancy.internal.DurableFiles;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps escalation state in a local directory, one small JSON file per incident ({@code
 * <incident-id>.json}), each replaced atomically and forced to disk on every {@link #save}: a crash
 * at any point leaves every incident's old or new entry, never a torn one, and a write for one
 * incident never touches another's file. The directory is locked while the store is open, so two
 * processes cannot interleave their escalations in it.
 *
 * <p>Thread-safe.
 */
public final class FileEscalationStateStore implements EscalationStateStore {
  private static final String SUFFIX = ".json";
  private static final String LOCK = "escalation.lock";
  private static final long MAX_FILE_BYTES = 64 * 1024;

  private final Path directory;
  private final DirectoryLock lock;

  private FileEscalationStateStore(Path directory, DirectoryLock lock) {
    this.directory = directory;
    this.lock = lock;
  }

  /**
   * Opens the store in {@code directory}, creating it if needed, and locks it.
   *
   * @param directory the state directory
   * @return the store
   * @throws ObservabilityException if the directory cannot be created or is locked by another store
   */
  public static FileEscalationStateStore open(Path directory) {
    Objects.requireNonNull(directory, "directory");
    Path absolute = directory.toAbsolutePath();
    DirectoryLock lock =
        DirectoryLock.acquire(
            absolute,
            LOCK,
            "escalation state store",
            failure -> new ObservabilityException(failure.message(), failure.cause()));
    return new FileEscalationStateStore(absolute, lock);
  }

  /** Returns the directory this store writes. */
  public Path directory() {
    return directory;
  }

  @Override
  public synchronized Optional<EscalationState> load(String incidentId) {
    return read(fileOf(incidentId));
  }

  @Override
  public synchronized List<EscalationState> loadAll() {
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
      entries.forEach(files::add);
    } catch (IOException e) {
      throw new ObservabilityException("cannot list escalation state directory " + directory, e);
    }
    files.sort(null);
    List<EscalationState> states = new ArrayList<>(files.size());
    for (Path file : files) {
      read(file).ifPresent(states::add);
    }
    return List.copyOf(states);
  }

  @Override
  public synchronized void save(EscalationState state) {
    Objects.requireNonNull(state, "state");
    byte[] bytes = EscalationStateCodec.encode(state);
    Path file = fileOf(state.incidentId());
    try {
      DurableFiles.replace(file, out -> out.write(bytes));
    } catch (IOException e) {
      throw new ObservabilityException(
          "cannot save the escalation state of incident " + state.incidentId() + " in " + file, e);
    }
  }

  @Override
  public synchronized void remove(String incidentId) {
    Path file = fileOf(incidentId);
    try {
      if (Files.deleteIfExists(file)) {
        DurableFiles.syncDirectory(directory);
      }
      DurableFiles.deleteTemp(file);
    } catch (IOException e) {
      throw new ObservabilityException(
          "cannot remove the escalation state of incident " + incidentId + " at " + file, e);
    }
  }

  @Override
  public void close() {
    lock.close();
  }

  private Path fileOf(String incidentId) {
    Objects.requireNonNull(incidentId, "incidentId");
    if (!EscalationState.INCIDENT_ID.matcher(incidentId).matches()) {
      throw new IllegalArgumentException(
          "incident id '" + incidentId + "' is invalid; allowed: 1 to 64 letters, digits, _ or -");
    }
    return directory.resolve(incidentId + SUFFIX);
  }

  private static Optional<EscalationState> read(Path file) {
    byte[] bytes;
    try {
      if (Files.size(file) > MAX_FILE_BYTES) {
        throw corrupt(file, "it is longer than " + MAX_FILE_BYTES + " bytes", null);
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new ObservabilityException("cannot read escalation state file " + file, e);
    }
    try {
      EscalationState state = EscalationStateCodec.decode(bytes);
      String expected = file.getFileName().toString();
      if (!expected.equals(state.incidentId() + SUFFIX)) {
        throw corrupt(file, "it holds incident " + state.incidentId(), null);
      }
      return Optional.of(state);
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw corrupt(file, e.getMessage(), e);
    }
  }

  private static ObservabilityException corrupt(Path file, String why, Exception cause) {
    return new ObservabilityException(
        "escalation state file " + file + " is corrupt: " + why, cause);
  }

  @Override
  public String toString() {
    return "FileEscalationStateStore[" + directory + "]";
  }
}
