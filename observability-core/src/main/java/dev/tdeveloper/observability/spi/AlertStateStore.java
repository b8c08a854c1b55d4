package dev.tdeveloper.observability.spi;

import dev.tdeveloper.observability.alert.NotificationLogEntry;
import dev.tdeveloper.observability.alert.Silence;
import dev.tdeveloper.observability.alert.internal.FileAlertStateStore;
import dev.tdeveloper.observability.alert.internal.InMemoryAlertStateStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Where an {@code AlertRouter} keeps what must survive a restart, as Alertmanager keeps its
 * notification log and silences: the last notification per (group key, receiver) and every silence.
 * A router loads both when built and writes through on every change, so a new router on the same
 * store neither repeats a notification within repeat_interval nor forgets a silence.
 *
 * <p>Contract: a write that returns is durable as far as the backend promises (the file store:
 * forced to disk); writes replace by key ({@link NotificationLogEntry#key()}, {@link
 * Silence#id()}); {@link #prune} deletes only what ended before its cutoff. Implementations are
 * thread-safe. Failures throw {@link AlertStateStoreException}.
 */
public interface AlertStateStore extends AutoCloseable {

  /** Returns every notification log entry. */
  List<NotificationLogEntry> notificationLog();

  /**
   * Records notifications, replacing earlier entries of the same group key and receiver, all or
   * nothing.
   */
  void recordNotifications(Collection<NotificationLogEntry> entries);

  /** Returns every silence, in the order they were first saved. */
  List<Silence> silences();

  /** Saves a silence, replacing the one with the same id (an update or an expiry). */
  void saveSilence(Silence silence);

  /**
   * Deletes log entries notified before {@code cutoff} and silences that ended before it, as
   * Alertmanager's retention does.
   */
  void prune(Instant cutoff);

  /** Releases the store (a file store its directory lock); further use throws. */
  @Override
  void close();

  /** Returns a store that lives in this process only (tests, or when restarts may repeat). */
  static AlertStateStore inMemory() {
    return new InMemoryAlertStateStore();
  }

  /**
   * Opens (creating if needed) the local-file store in {@code directory}, locked for this process.
   *
   * @throws AlertStateStoreException if the directory is locked, unusable, or its state corrupt
   */
  static AlertStateStore file(Path directory) {
    return FileAlertStateStore.open(directory);
  }
}
