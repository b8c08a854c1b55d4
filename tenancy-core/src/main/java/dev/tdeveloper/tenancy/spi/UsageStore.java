package dev.tdeveloper.tenancy.spi;

import dev.tdeveloper.tenancy.usage.UsageEvent;
import java.util.function.Consumer;

/**
 * Where usage events are kept, in the order they were appended, so a {@link
 * dev.tdeveloper.tenancy.usage.UsageMeter} can rebuild its aggregates on startup. The store is a
 * log: it neither deduplicates nor aggregates; the meter does both before appending.
 *
 * <p>Defaults: {@link dev.tdeveloper.tenancy.usage.InMemoryUsageStore} (lost on exit) and the
 * durable {@link dev.tdeveloper.tenancy.usage.file.FileUsageStore}. Backends prove themselves by
 * extending the {@code dev.tdeveloper.tenancy.testkit.UsageStoreContract} from the {@code
 * tenancy-testkit} artifact.
 *
 * <p>Implementations must be thread-safe: {@link #append} may be called from many threads at once,
 * and a {@link #replay} running concurrently with appends sees at least every event whose append
 * returned before the replay started.
 */
public interface UsageStore extends AutoCloseable {
  /**
   * Appends one event. When this returns the event is stored as durably as the implementation
   * promises (for the file store: according to its fsync policy); when it throws the event may or
   * may not be stored, and the caller must treat it as not acknowledged.
   *
   * @throws NullPointerException if {@code event} is null
   * @throws UsageStoreException if the event could not be stored
   * @throws IllegalStateException if the store is closed
   */
  void append(UsageEvent event);

  /**
   * Passes every stored event to {@code consumer}, in append order, on the calling thread.
   *
   * @throws UsageStoreException if stored events cannot be read back
   * @throws IllegalStateException if the store is closed
   */
  void replay(Consumer<? super UsageEvent> consumer);

  /**
   * Releases the store's resources (files, locks, connections). Idempotent; afterwards {@link
   * #append} and {@link #replay} throw {@link IllegalStateException}.
   *
   * @throws UsageStoreException if releasing failed
   */
  @Override
  void close();
}
