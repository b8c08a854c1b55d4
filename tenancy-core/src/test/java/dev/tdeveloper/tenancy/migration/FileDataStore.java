package dev.tdeveloper.tenancy.migration;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.internal.DurableFiles;
import dev.tdeveloper.tenancy.spi.Checksum;
import dev.tdeveloper.tenancy.spi.DataRecord;
import dev.tdeveloper.tenancy.spi.TenantDataStore;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A durable {@link TenantDataStore} for crash tests: one file per tenant holding all its records,
 * replaced atomically on every change, so a process killed at any point leaves each tenant's
 * records as of a whole import or deletion. Slow and simple; thread-safe (every method locks).
 */
final class FileDataStore implements TenantDataStore {
  private final String name;
  private final Path directory;

  FileDataStore(String name, Path directory) {
    this.name = name;
    this.directory = directory;
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public synchronized List<DataRecord> export(
      TenantId tenant, Optional<String> afterKey, int batchSize) {
    Objects.requireNonNull(afterKey, "afterKey");
    if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
      throw new IllegalArgumentException("batchSize out of range: " + batchSize);
    }
    afterKey.ifPresent(DataRecord::requireValidKey);
    TreeMap<String, byte[]> records = read(tenant);
    Map<String, byte[]> page =
        afterKey.isPresent() ? records.tailMap(afterKey.get(), false) : records;
    List<DataRecord> out = new ArrayList<>();
    for (Map.Entry<String, byte[]> e : page.entrySet()) {
      if (out.size() == batchSize) {
        break;
      }
      out.add(new DataRecord(e.getKey(), e.getValue()));
    }
    return out;
  }

  @Override
  public synchronized void importBatch(TenantId tenant, List<DataRecord> batch) {
    Objects.requireNonNull(batch, "records");
    TreeMap<String, byte[]> records = read(tenant);
    TreeMap<String, byte[]> added = new TreeMap<>(DataRecord.KEY_ORDER);
    for (DataRecord record : batch) {
      if (added.put(record.key(), record.value()) != null) {
        throw new IllegalArgumentException("key '" + record.key() + "' twice in the batch");
      }
    }
    records.putAll(added);
    write(tenant, records);
  }

  @Override
  public synchronized Checksum checksum(TenantId tenant) {
    Checksum.Accumulator sum = Checksum.accumulator();
    read(tenant).forEach((k, v) -> sum.add(new DataRecord(k, v)));
    return sum.result();
  }

  @Override
  public synchronized long deleteAll(TenantId tenant) {
    int count = read(tenant).size();
    try {
      Files.deleteIfExists(file(tenant));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    DurableFiles.syncDirectory(directory);
    return count;
  }

  private Path file(TenantId tenant) {
    return directory.resolve(Objects.requireNonNull(tenant, "tenant").value() + ".records");
  }

  private TreeMap<String, byte[]> read(TenantId tenant) {
    TreeMap<String, byte[]> records = new TreeMap<>(DataRecord.KEY_ORDER);
    Path file = file(tenant);
    if (!Files.exists(file)) {
      return records;
    }
    try (InputStream raw = Files.newInputStream(file);
        DataInputStream in = new DataInputStream(raw)) {
      for (int n = in.readInt(); n > 0; n--) {
        String key = in.readUTF();
        byte[] value = new byte[in.readInt()];
        in.readFully(value);
        records.put(key, value);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return records;
  }

  private void write(TenantId tenant, TreeMap<String, byte[]> records) {
    try {
      DurableFiles.replace(
          file(tenant),
          raw -> {
            DataOutputStream out = new DataOutputStream(raw);
            out.writeInt(records.size());
            for (Map.Entry<String, byte[]> e : records.entrySet()) {
              out.writeUTF(e.getKey());
              out.writeInt(e.getValue().length);
              out.write(e.getValue());
            }
            out.flush();
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
