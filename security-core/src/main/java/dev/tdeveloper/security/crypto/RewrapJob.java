package dev.tdeveloper.security.crypto;

import dev.tdeveloper.security.spi.KeyManager;
import dev.tdeveloper.security.spi.KeyUnavailableException;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.internal.DurableFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntConsumer;

/**
 * Moves a tenant's stored ciphertexts to its primary key version with {@link
 * EnvelopeEncryptor#rewrap} (the data is never decrypted), in batches, so that older versions can
 * then be disabled or destroyed. After each batch the last id done is saved in a durable cursor
 * file {@code <tenant>.rewrap} (written crash-safely with the target version) in the cursor
 * directory; a run after a crash resumes after it. Records the crash left rewrapped but not yet
 * behind the cursor are found already on the target version and skipped. The cursor is deleted once
 * the tenant is done; a cursor for another target version is ignored (the run starts over).
 *
 * <p>Thread-safe if the store is, but run one job per tenant at a time.
 */
public final class RewrapJob {
  /** Default ciphertexts per batch: {@value}. */
  public static final int DEFAULT_BATCH_SIZE = 100;

  private final EnvelopeEncryptor encryptor;
  private final KeyManager keys;
  private final CiphertextStore store;
  private final Path cursors;
  private final int batchSize;
  private final IntConsumer afterBatch;

  private RewrapJob(Builder b) {
    this.encryptor = b.encryptor;
    this.keys = b.keys;
    this.store = b.store;
    this.cursors = b.cursors;
    this.batchSize = b.batchSize < 0 ? DEFAULT_BATCH_SIZE : b.batchSize;
    this.afterBatch = b.afterBatch;
  }

  /** Returns a builder of a job keeping its cursors in {@code cursorDirectory}. */
  public static Builder builder(
      EnvelopeEncryptor encryptor, KeyManager keys, CiphertextStore store, Path cursorDirectory) {
    return new Builder(encryptor, keys, store, cursorDirectory);
  }

  /**
   * Rewraps every ciphertext of {@code tenant} not yet under its primary version.
   *
   * @throws KeyUnavailableException if the tenant has no primary version, or a ciphertext's version
   *     is disabled or destroyed (the cursor keeps what was done)
   * @throws DecryptionException if a stored ciphertext's header is malformed or fails to unwrap
   * @throws UncheckedIOException if the cursor cannot be read or written
   */
  public RewrapResult run(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    int target =
        keys.primary(tenant)
            .orElseThrow(
                () ->
                    new KeyUnavailableException(
                        tenant, 0, null, "tenant " + tenant.value() + " has no primary key"))
            .version();
    Path cursor = cursors.resolve(tenant.value() + ".rewrap");
    Optional<String> resumed = readCursor(cursor, target);
    Optional<String> after = resumed;
    long examined = 0;
    long rewrapped = 0;
    int batch = 0;
    while (true) {
      List<StoredCiphertext> page = store.next(tenant, after, batchSize);
      for (StoredCiphertext record : page) {
        byte[] old = record.ciphertext();
        examined++;
        if (encryptor.keyVersionOf(old) != target
            && store.replace(tenant, record.id(), old, encryptor.rewrap(tenant, old))) {
          rewrapped++;
        }
      }
      if (page.isEmpty()) {
        break;
      }
      after = Optional.of(page.get(page.size() - 1).id());
      writeCursor(cursor, target, after.get());
      afterBatch.accept(++batch);
      if (page.size() < batchSize) {
        break;
      }
    }
    try {
      Files.deleteIfExists(cursor);
      DurableFiles.syncDirectory(cursors);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete rewrap cursor " + cursor, e);
    }
    return new RewrapResult(tenant, target, examined, rewrapped, resumed);
  }

  private static Optional<String> readCursor(Path cursor, int target) {
    try {
      DurableFiles.deleteTemp(cursor);
      if (!Files.exists(cursor)) {
        return Optional.empty();
      }
      ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(cursor));
      if (in.remaining() < 4 || in.getInt() != target) {
        return Optional.empty();
      }
      byte[] id = new byte[in.remaining()];
      in.get(id);
      return Optional.of(new String(id, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read rewrap cursor " + cursor, e);
    }
  }

  private void writeCursor(Path cursor, int target, String id) {
    byte[] bytes = id.getBytes(StandardCharsets.UTF_8);
    try {
      Files.createDirectories(cursors);
      DurableFiles.replace(
          cursor,
          out ->
              out.write(ByteBuffer.allocate(4 + bytes.length).putInt(target).put(bytes).array()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write rewrap cursor " + cursor, e);
    }
  }

  /** Configures a {@link RewrapJob}; each setter once. Not thread-safe. */
  public static final class Builder {
    private final EnvelopeEncryptor encryptor;
    private final KeyManager keys;
    private final CiphertextStore store;
    private final Path cursors;
    private int batchSize = -1;
    private IntConsumer afterBatch = n -> {};

    private Builder(
        EnvelopeEncryptor encryptor, KeyManager keys, CiphertextStore store, Path cursors) {
      this.encryptor = Objects.requireNonNull(encryptor, "encryptor");
      this.keys = Objects.requireNonNull(keys, "keys");
      this.store = Objects.requireNonNull(store, "store");
      this.cursors = Objects.requireNonNull(cursors, "cursorDirectory");
    }

    /** Sets the ciphertexts per batch; default {@value #DEFAULT_BATCH_SIZE}, allowed 1 to 10000. */
    public Builder batchSize(int size) {
      if (batchSize >= 0) {
        throw new IllegalStateException("batchSize was already set to " + batchSize);
      }
      if (size < 1 || size > 10_000) {
        throw new IllegalArgumentException("batchSize must be 1 to 10000, was " + size);
      }
      this.batchSize = size;
      return this;
    }

    /** Is told the number of each batch once its cursor is durable, for crash tests. */
    Builder afterBatch(IntConsumer hook) {
      this.afterBatch = Objects.requireNonNull(hook, "hook");
      return this;
    }

    /** Builds the job. */
    public RewrapJob build() {
      return new RewrapJob(this);
    }
  }
}
