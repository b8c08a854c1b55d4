package dev.tdeveloper.observability.alert.internal;

import dev.tdeveloper.observability.alert.NotificationLogEntry;
import dev.tdeveloper.observability.alert.Silence;
import dev.tdeveloper.observability.spi.AlertStateStore;
import dev.tdeveloper.observability.spi.AlertStateStoreException;
import dev.tdeveloper.tenancy.internal.DirectoryLock;
import dev.tdeveloper.tenancy.internal.DurableFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The local-file {@link AlertStateStore}: the whole state (notification log and silences) in one
 * JSON file, {@value #FILE_NAME}, replaced atomically and forced to disk on every change, so a
 * crash at any point leaves the previous or the new state, never a torn one. The state is small
 * (one entry per group and receiver, pruned by the router's retention), so rewriting it whole costs
 * less than a journal's bookkeeping. The directory is locked for one store at a time.
 *
 * <p>Thread-safe.
 */
public final class FileAlertStateStore implements AlertStateStore {
  /** The state file's name: {@value}. */
  public static final String FILE_NAME = "alert-state.json";

  /** The lock file's name: {@value}. */
  public static final String LOCK_NAME = "alert-state.lock";

  /** The largest state file read, in bytes: {@value}. */
  public static final long MAX_FILE_BYTES = 64L << 20;

  /** The step {@link #open(Path, Consumer)}'s hook sees with half a new state file written. */
  public static final String STEP_MID_WRITE = "mid-write";

  private final Path file;
  private final DirectoryLock lock;
  private final Consumer<String> hook;
  private final Map<NotificationLogEntry.Key, NotificationLogEntry> log = new LinkedHashMap<>();
  private final Map<String, Silence> silences = new LinkedHashMap<>();
  private boolean closed;

  private FileAlertStateStore(Path file, DirectoryLock lock, Consumer<String> hook) {
    this.file = file;
    this.lock = lock;
    this.hook = hook;
  }

  /**
   * Opens the store in {@code directory}, creating it if needed.
   *
   * @throws AlertStateStoreException if the directory is locked or unusable, or the file corrupt
   */
  public static FileAlertStateStore open(Path directory) {
    return open(directory, step -> {});
  }

  /**
   * Opens the store with a hook called at {@link #STEP_MID_WRITE} of every write (crash tests).
   *
   * @throws AlertStateStoreException if the directory is locked or unusable, or the file corrupt
   */
  public static FileAlertStateStore open(Path directory, Consumer<String> hook) {
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(hook, "hook");
    DirectoryLock lock =
        DirectoryLock.acquire(
            directory,
            LOCK_NAME,
            "alert state store",
            f -> new AlertStateStoreException(f.message(), f.cause()));
    FileAlertStateStore store = new FileAlertStateStore(directory.resolve(FILE_NAME), lock, hook);
    try {
      store.load();
      return store;
    } catch (RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  private void load() {
    byte[] bytes;
    try {
      DurableFiles.deleteTemp(file);
      if (Files.size(file) > MAX_FILE_BYTES) {
        throw corrupt("it is larger than " + MAX_FILE_BYTES + " bytes", null);
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return;
    } catch (IOException e) {
      throw new AlertStateStoreException("cannot read alert state file " + file, e);
    }
    AlertStateCodec.State state;
    try {
      state = AlertStateCodec.decode(bytes);
    } catch (RuntimeException e) {
      throw corrupt(e.getMessage(), e);
    }
    state.log().forEach(e -> log.put(e.key(), e));
    state.silences().forEach(s -> silences.put(s.id(), s));
  }

  /** Returns the state file. */
  public Path file() {
    return file;
  }

  @Override
  public synchronized List<NotificationLogEntry> notificationLog() {
    requireOpen();
    return List.copyOf(log.values());
  }

  @Override
  public synchronized void recordNotifications(Collection<NotificationLogEntry> entries) {
    requireOpen();
    List<NotificationLogEntry> copy = List.copyOf(entries);
    if (copy.isEmpty()) {
      return;
    }
    Map<NotificationLogEntry.Key, NotificationLogEntry> next = new LinkedHashMap<>(log);
    copy.forEach(e -> next.put(e.key(), e));
    write(next, silences);
    log.clear();
    log.putAll(next);
  }

  @Override
  public synchronized List<Silence> silences() {
    requireOpen();
    return List.copyOf(silences.values());
  }

  @Override
  public synchronized void saveSilence(Silence silence) {
    Objects.requireNonNull(silence, "silence");
    requireOpen();
    Map<String, Silence> next = new LinkedHashMap<>(silences);
    next.put(silence.id(), silence);
    write(log, next);
    silences.put(silence.id(), silence);
  }

  @Override
  public synchronized void prune(Instant cutoff) {
    Objects.requireNonNull(cutoff, "cutoff");
    requireOpen();
    Map<NotificationLogEntry.Key, NotificationLogEntry> nextLog = new LinkedHashMap<>(log);
    Map<String, Silence> nextSilences = new LinkedHashMap<>(silences);
    nextLog.values().removeIf(e -> e.at().isBefore(cutoff));
    nextSilences.values().removeIf(s -> s.endsAt().isBefore(cutoff));
    if (nextLog.size() == log.size() && nextSilences.size() == silences.size()) {
      return;
    }
    write(nextLog, nextSilences);
    log.keySet().retainAll(nextLog.keySet());
    silences.keySet().retainAll(nextSilences.keySet());
  }

  private void write(
      Map<NotificationLogEntry.Key, NotificationLogEntry> nextLog, Map<String, Silence> next) {
    byte[] bytes = AlertStateCodec.encode(nextLog.values(), next.values());
    try {
      DurableFiles.replace(
          file,
          out -> {
            int half = bytes.length / 2;
            out.write(bytes, 0, half);
            out.flush();
            hook.accept(STEP_MID_WRITE);
            out.write(bytes, half, bytes.length - half);
          });
    } catch (IOException e) {
      throw new AlertStateStoreException("cannot write alert state file " + file, e);
    }
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      lock.close();
    }
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("alert state store " + file + " is closed");
    }
  }

  private AlertStateStoreException corrupt(String why, Throwable cause) {
    return new AlertStateStoreException("alert state file " + file + " is corrupt: " + why, cause);
  }

  @Override
  public String toString() {
    return "FileAlertStateStore[" + file + "]";
  }
}
