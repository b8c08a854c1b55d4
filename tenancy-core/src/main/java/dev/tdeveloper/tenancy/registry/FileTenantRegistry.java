package dev.tdeveloper.tenancy.registry;

import dev.tdeveloper.tenancy.Tenant;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.TenantNotFoundException;
import dev.tdeveloper.tenancy.internal.CompactingJournal;
import dev.tdeveloper.tenancy.internal.Compaction;
import dev.tdeveloper.tenancy.internal.RecordFormat;
import dev.tdeveloper.tenancy.internal.StoreSettings;
import dev.tdeveloper.tenancy.spi.TenantAlreadyExistsException;
import dev.tdeveloper.tenancy.spi.TenantRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A durable {@link TenantRegistry} for one machine: it behaves as {@link InMemoryTenantRegistry}
 * and also keeps every tenant in the journal {@value #FILE_NAME} in its directory, so tenants
 * survive a restart or a crash. Every {@link #create} and {@link #update} appends the whole tenant
 * as a checksummed record and forces it to the device before it returns: a change that returned is
 * never lost, one that threw was not recorded. On open the journal is replayed (the last record of
 * a tenant wins); a torn tail left by a crash is cut off, while damage followed by a valid record
 * fails the open with a {@link FileTenantRegistryException} naming the file and offset. Once the
 * journal reaches the compaction threshold and has doubled since it was last compacted, it is
 * rewritten with one record per tenant and renamed over the old file atomically.
 *
 * <p>A lock file ({@value #FILE_NAME}{@code .lock}) keeps a second registry, in this or another
 * process, from opening the same directory; {@link #close()} releases it.
 *
 * <p>Reads are served from memory without locking. Writes are serialised: each waits for its own
 * fsync (a few milliseconds on most disks), which suits a registry's rate of signups and plan
 * changes. A change passed to {@link #update} runs under that lock, so it must be short and must
 * not call this registry.
 *
 * <p>Thread-safe.
 */
public final class FileTenantRegistry implements TenantRegistry, AutoCloseable {
  /** The journal's file name in the directory: {@value}. */
  public static final String FILE_NAME = "tenants.journal";

  /** The default compaction threshold: {@value} bytes (1 MiB). */
  public static final long DEFAULT_COMPACTION_THRESHOLD_BYTES = Compaction.DEFAULT_THRESHOLD_BYTES;

  /** The smallest compaction threshold: {@value} bytes. */
  public static final long MIN_COMPACTION_THRESHOLD_BYTES = Compaction.MIN_THRESHOLD_BYTES;

  /** The largest encoded tenant record: {@value} bytes. */
  public static final int MAX_RECORD_BYTES = 256 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger(FileTenantRegistry.class);
  private static final RecordFormat FORMAT =
      RecordFormat.crc32c("TDTREG01".getBytes(StandardCharsets.US_ASCII), MAX_RECORD_BYTES);

  private final ConcurrentHashMap<TenantId, Tenant> tenants = new ConcurrentHashMap<>();
  private final Object writeLock = new Object();
  private final CompactingJournal journal;

  private FileTenantRegistry(Path directory, Compaction compaction) {
    Path file = directory.resolve(FILE_NAME);
    this.journal =
        new CompactingJournal(
            file,
            FORMAT,
            "tenant registry journal",
            "tenant registry",
            compaction,
            TenantCodec::decode,
            tenant -> tenants.put(tenant.id(), tenant),
            FileTenantRegistryException::new,
            FileTenantRegistryException.class,
            LOG);
    LOG.debug("opened {} with {} tenants", file, tenants.size());
  }

  /** Returns a builder of a registry kept in {@code directory} (created if missing). */
  public static Builder builder(Path directory) {
    return new Builder(directory);
  }

  /** Returns the journal file. */
  public Path file() {
    return journal.path();
  }

  /** Returns how many bytes of torn tail the open cut off; 0 after a clean shutdown. */
  public long discardedBytesOnOpen() {
    return journal.discardedBytesOnOpen();
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalStateException if the registry is closed
   */
  @Override
  public Optional<Tenant> find(TenantId id) {
    Objects.requireNonNull(id, "id");
    journal.requireOpen();
    return Optional.ofNullable(tenants.get(id));
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException if the tenant's record exceeds {@value #MAX_RECORD_BYTES}
   *     bytes (its attributes are too large); nothing changes
   * @throws FileTenantRegistryException if the journal cannot be written; nothing changes
   * @throws IllegalStateException if the registry is closed
   */
  @Override
  public Tenant create(Tenant tenant) {
    Objects.requireNonNull(tenant, "tenant");
    synchronized (writeLock) {
      journal.requireOpen();
      if (tenants.containsKey(tenant.id())) {
        throw new TenantAlreadyExistsException(tenant.id());
      }
      record(tenant);
    }
    return tenant;
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException also if the changed tenant's record exceeds {@value
   *     #MAX_RECORD_BYTES} bytes; nothing changes
   * @throws FileTenantRegistryException if the journal cannot be written; nothing changes
   * @throws IllegalStateException if the registry is closed
   */
  @Override
  public Tenant update(TenantId id, UnaryOperator<Tenant> change) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(change, "change");
    synchronized (writeLock) {
      journal.requireOpen();
      Tenant current = tenants.get(id);
      if (current == null) {
        throw new TenantNotFoundException(id);
      }
      Tenant next = TenantRegistry.applyChange(id, current, change);
      record(next);
      return next;
    }
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalStateException if the registry is closed
   */
  @Override
  public List<Tenant> list() {
    journal.requireOpen();
    return tenants.values().stream().sorted(Comparator.comparing(Tenant::id)).toList();
  }

  /**
   * Rewrites the journal with one record per tenant now, crash-safely; writes wait meanwhile.
   *
   * @return how many bytes the journal shrank by
   * @throws FileTenantRegistryException if the journal cannot be rewritten; it is then unchanged
   * @throws IllegalStateException if the registry is closed
   */
  public long compact() {
    synchronized (writeLock) {
      return journal.compact(
          tenants.values().stream().sorted(Comparator.comparing(Tenant::id)).toList(),
          tenant -> false,
          tenant -> null,
          TenantCodec::encode,
          kept -> {});
    }
  }

  /** Closes the journal and releases the directory's lock; idempotent. */
  @Override
  public void close() {
    synchronized (writeLock) {
      journal.close();
    }
  }

  /** Appends {@code tenant}, forced to the device, then makes it visible. Under the write lock. */
  private void record(Tenant tenant) {
    byte[] payload =
        CompactingJournal.requireSize(
            TenantCodec.encode(tenant), MAX_RECORD_BYTES, "record of tenant '" + tenant.id() + "'");
    journal.append(payload);
    tenants.put(tenant.id(), tenant);
    journal.compactIfDue(this::compact);
  }

  /**
   * Configures and opens a {@link FileTenantRegistry}. Default: compaction at {@link
   * #DEFAULT_COMPACTION_THRESHOLD_BYTES}. Each setting may be given once.
   *
   * <p>Not thread-safe: configure on one thread.
   */
  public static final class Builder {
    private final Path directory;
    private long compactionThreshold = DEFAULT_COMPACTION_THRESHOLD_BYTES;
    private boolean thresholdSet;

    private Builder(Path directory) {
      this.directory = Objects.requireNonNull(directory, "directory");
    }

    /**
     * Sets the journal size, in bytes, from which it is compacted (once it has also doubled since
     * the last compaction).
     *
     * @throws IllegalArgumentException if below {@value #MIN_COMPACTION_THRESHOLD_BYTES}
     * @throws IllegalStateException if already set
     */
    public Builder compactionThresholdBytes(long bytes) {
      StoreSettings.requireRange(
          "compactionThresholdBytes", bytes, MIN_COMPACTION_THRESHOLD_BYTES, Long.MAX_VALUE);
      StoreSettings.requireUnset("compactionThresholdBytes", thresholdSet);
      this.compactionThreshold = bytes;
      thresholdSet = true;
      return this;
    }

    /**
     * Creates the directory if missing, locks it and replays the journal.
     *
     * @throws FileTenantRegistryException if the directory cannot be created, is locked by another
     *     registry, or the journal cannot be read or is corrupt (naming the file and offset)
     */
    public FileTenantRegistry open() {
      try {
        Files.createDirectories(directory);
      } catch (IOException e) {
        throw new FileTenantRegistryException(
            "cannot create the tenant registry directory " + directory + ": " + e, e);
      }
      return new FileTenantRegistry(
          directory,
          new Compaction(compactionThreshold, Duration.ZERO, InstantSource.system(), step -> {}));
    }
  }
}
