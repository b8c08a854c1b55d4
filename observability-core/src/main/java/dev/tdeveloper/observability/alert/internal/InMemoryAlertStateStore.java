package dev.tdeveloper.observability.alert.internal;

import dev.tdeveloper.observability.alert.NotificationLogEntry;
import dev.tdeveloper.observability.alert.Silence;
import dev.tdeveloper.observability.spi.AlertStateStore;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An {@link AlertStateStore} in this process's memory: survives a new router, not a new process.
 * {@link #close()} keeps the state, so a test can hand the same store to a "restarted" router.
 * Thread-safe.
 */
public final class InMemoryAlertStateStore implements AlertStateStore {
  private final Map<NotificationLogEntry.Key, NotificationLogEntry> log = new LinkedHashMap<>();
  private final Map<String, Silence> silences = new LinkedHashMap<>();

  /** Creates an empty store. */
  public InMemoryAlertStateStore() {}

  @Override
  public synchronized List<NotificationLogEntry> notificationLog() {
    return List.copyOf(log.values());
  }

  @Override
  public synchronized void recordNotifications(Collection<NotificationLogEntry> entries) {
    List<NotificationLogEntry> copy = List.copyOf(entries);
    copy.forEach(e -> log.put(e.key(), e));
  }

  @Override
  public synchronized List<Silence> silences() {
    return List.copyOf(silences.values());
  }

  @Override
  public synchronized void saveSilence(Silence silence) {
    Objects.requireNonNull(silence, "silence");
    silences.put(silence.id(), silence);
  }

  @Override
  public synchronized void prune(Instant cutoff) {
    Objects.requireNonNull(cutoff, "cutoff");
    log.values().removeIf(e -> e.at().isBefore(cutoff));
    silences.values().removeIf(s -> s.endsAt().isBefore(cutoff));
  }

  @Override
  public void close() {
    // nothing to release; the state stays for the next router in this process
  }

  @Override
  public String toString() {
    return "InMemoryAlertStateStore";
  }
}
