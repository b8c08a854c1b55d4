package dev.tdeveloper.dr.source;

import dev.tdeveloper.dr.backup.BackupManifest;
import dev.tdeveloper.dr.spi.BackupScope;
import dev.tdeveloper.dr.spi.BackupSource;
import dev.tdeveloper.dr.spi.SourceEntry;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.spi.DataRecord;
import dev.tdeveloper.tenancy.spi.TenantDataStore;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Backs up one tenant's records from a {@link TenantDataStore} as one file, {@value #FILE_NAME}:
 * every record in key order as a key length (4 bytes), the key in UTF-8, a value length and the
 * value. The export is paged and spooled to a temporary file (deleted afterwards); {@link
 * #importRecords} loads such a file back. The backup scope is the tenant's. Immutable.
 */
public final class TenantRecordsSource implements BackupSource {
  /** The path of the one file this source hands over: {@value}. */
  public static final String FILE_NAME = "records.bin";

  private static final int PAGE = 1000;

  private final String name;
  private final TenantDataStore store;
  private final TenantId tenant;
  private final InstantSource clock;

  private TenantRecordsSource(
      String name, TenantDataStore store, TenantId tenant, InstantSource clock) {
    this.name = BackupManifest.requireSourceName(name);
    this.store = Objects.requireNonNull(store, "store");
    this.tenant = Objects.requireNonNull(tenant, "tenant");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Returns a source named {@code name} over {@code tenant}'s records in {@code store}. */
  public static TenantRecordsSource of(
      String name, TenantDataStore store, TenantId tenant, InstantSource clock) {
    return new TenantRecordsSource(name, store, tenant, clock);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public BackupScope scope() {
    return BackupScope.of(tenant);
  }

  @Override
  public void read(EntryConsumer consumer) throws IOException {
    Objects.requireNonNull(consumer, "consumer");
    Path spool = Files.createTempFile("dr-" + name + "-", ".records");
    try {
      try (DataOutputStream out =
          new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(spool)))) {
        Optional<String> after = Optional.empty();
        for (List<DataRecord> page = store.export(tenant, after, PAGE);
            !page.isEmpty();
            page = store.export(tenant, after, PAGE)) {
          for (DataRecord record : page) {
            byte[] key = record.key().getBytes(StandardCharsets.UTF_8);
            out.writeInt(key.length);
            out.write(key);
            out.writeInt(record.valueLength());
            out.write(record.value());
          }
          after = Optional.of(page.get(page.size() - 1).key());
        }
      }
      SourceEntry entry = new SourceEntry(FILE_NAME, Files.size(spool), clock.instant());
      try (InputStream in = Files.newInputStream(spool)) {
        consumer.accept(entry, in);
      }
    } finally {
      Files.deleteIfExists(spool);
    }
  }

  /**
   * Imports the records of a restored {@value #FILE_NAME} into {@code store} for {@code tenant}, in
   * batches; returns how many there were.
   *
   * @throws IOException if the file cannot be read or is truncated
   */
  public static long importRecords(Path file, TenantDataStore store, TenantId tenant)
      throws IOException {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(tenant, "tenant");
    long count = 0;
    List<DataRecord> batch = new ArrayList<>();
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      while (true) {
        int keyLength;
        try {
          keyLength = in.readInt();
        } catch (EOFException end) {
          break;
        }
        String key = new String(readBytes(in, keyLength, file), StandardCharsets.UTF_8);
        batch.add(new DataRecord(key, readBytes(in, in.readInt(), file)));
        count++;
        if (batch.size() == PAGE) {
          store.importBatch(tenant, batch);
          batch.clear();
        }
      }
    }
    if (!batch.isEmpty()) {
      store.importBatch(tenant, batch);
    }
    return count;
  }

  private static byte[] readBytes(DataInputStream in, int length, Path file) throws IOException {
    if (length < 0 || length > Integer.MAX_VALUE - 8) {
      throw new IOException(file + " is not a records file: length " + length);
    }
    byte[] bytes = new byte[length];
    in.readFully(bytes);
    return bytes;
  }
}
