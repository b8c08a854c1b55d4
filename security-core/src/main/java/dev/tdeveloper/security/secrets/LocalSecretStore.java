package dev.tdeveloper.security.secrets;

import dev.tdeveloper.security.spi.SecretLabel;
import dev.tdeveloper.security.spi.SecretName;
import dev.tdeveloper.security.spi.SecretStore;
import dev.tdeveloper.security.spi.SecretStoreException;
import dev.tdeveloper.security.spi.SecretVersion;
import dev.tdeveloper.tenancy.internal.JournalFile;
import dev.tdeveloper.tenancy.internal.RecordFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The default {@link SecretStore}: one append-only journal file, {@value #FILE_NAME}, in a
 * directory, every record (version put or label move) encrypted with AES-256-GCM under a master key
 * read from a file or an environment variable (see {@link LocalSecretStoreBuilder}). Neither values
 * nor names are readable in the file.
 *
 * <p><b>Durability.</b> Each change is forced to the device before the call returns, so a crash
 * ({@code kill -9}, power loss) loses nothing acknowledged; a torn last record is cut off on open,
 * and damage followed by valid records refuses the open (the tenancy journal rules). A record that
 * fails authentication (a wrong master key, a tampered file) refuses the open too. The directory is
 * locked while the store is open, against a second store in any process.
 *
 * <p>The journal grows by one record per change; {@link #compact()} rewrites it with only the
 * versions that hold a label (crash-safely: the old or the new file, never a mix).
 *
 * <p>Thread-safe: every operation holds the store's lock. Decrypted values live only as long as a
 * call; memory holds the sealed records.
 */
public final class LocalSecretStore implements SecretStore {
  /** The journal file in the store's directory: {@value}. */
  public static final String FILE_NAME = "secrets.journal";

  private static final byte[] MAGIC = "TDSECR01".getBytes(StandardCharsets.US_ASCII);
  private static final RecordFormat FORMAT =
      RecordFormat.crc32c(MAGIC, SecretStore.MAX_VALUE_BYTES + 4096);

  private final SecretCipher cipher;
  private final InstantSource clock;
  private final SecretTable<byte[]> table;
  private final JournalFile journal;
  private boolean closed;

  LocalSecretStore(Path directory, byte[] masterKey, InstantSource clock) {
    this.cipher = new SecretCipher(masterKey, MAGIC);
    this.clock = clock;
    this.table = new SecretTable<>(this::revealValue);
    Path file = directory.resolve(FILE_NAME);
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new SecretStoreException("cannot create secret store directory " + directory, e);
    }
    int[] records = {0};
    this.journal =
        JournalFile.open(
            file,
            FORMAT,
            "secret store",
            (offset, payload) -> {
              replay(file, offset, payload);
              records[0]++;
            },
            SecretStoreException::new);
    if (records[0] == 0) {
      journal.append(cipher.seal(SecretRecords.keyCheck()));
    }
  }

  /** Returns a builder of a store in {@code directory} (created if missing). */
  public static LocalSecretStoreBuilder builder(Path directory) {
    return new LocalSecretStoreBuilder(directory);
  }

  private void replay(Path file, long offset, byte[] blob) {
    byte[] plain =
        cipher
            .open(blob)
            .orElseThrow(
                () ->
                    new SecretStoreException(
                        "cannot decrypt the record at offset "
                            + offset
                            + " of secret store "
                            + file
                            + ": wrong master key, or the file was tampered with"));
    try {
      apply(table, blob, plain);
    } catch (IllegalArgumentException e) {
      throw new SecretStoreException(
          "record at offset " + offset + " of secret store " + file + " is invalid", e);
    } finally {
      Arrays.fill(plain, (byte) 0);
    }
  }

  private static void apply(SecretTable<byte[]> target, byte[] blob, byte[] plain) {
    SecretRecords.Decoded decoded = SecretRecords.decode(plain);
    if (decoded instanceof SecretRecords.Put put) {
      Arrays.fill(put.value(), (byte) 0);
      target.applyPut(put.name(), put.versionId(), put.created(), blob);
    } else if (decoded instanceof SecretRecords.Move move) {
      target.applyMove(move.name(), move.label(), move.target());
    }
  }

  @Override
  public synchronized SecretVersion put(SecretName name, String versionId, Secret value) {
    requireOpen();
    Optional<SecretVersion> existing = table.checkPut(name, versionId, value);
    if (existing.isPresent()) {
      return existing.get();
    }
    Instant created = clock.instant();
    byte[] bytes = value.bytes();
    byte[] plain = SecretRecords.put(name, versionId, created, bytes);
    Arrays.fill(bytes, (byte) 0);
    byte[] blob = cipher.seal(plain);
    Arrays.fill(plain, (byte) 0);
    journal.append(blob);
    return table.applyPut(name, versionId, created, blob);
  }

  @Override
  public synchronized List<SecretVersion> versions(SecretName name) {
    requireOpen();
    return table.versions(name);
  }

  @Override
  public synchronized Optional<Secret> value(SecretName name, String versionId) {
    requireOpen();
    return table
        .stored(name, versionId)
        .map(
            blob -> {
              byte[] bytes = revealValue(blob);
              try {
                return Secret.of(bytes);
              } finally {
                Arrays.fill(bytes, (byte) 0);
              }
            });
  }

  @Override
  public synchronized void moveLabel(
      SecretName name, SecretLabel label, Optional<String> expected, Optional<String> target) {
    requireOpen();
    table.checkMove(name, label, expected, target);
    journal.append(cipher.seal(SecretRecords.move(name, label, target)));
    table.applyMove(name, label, target);
  }

  @Override
  public synchronized List<SecretName> names() {
    requireOpen();
    return table.names();
  }

  /**
   * Rewrites the journal with only the versions that hold a label, re-encrypted with fresh nonces;
   * versions without a label (older than PREVIOUS, or abandoned candidates) are dropped for good.
   *
   * @throws SecretStoreException if the new file cannot be written (the old one is then unchanged)
   */
  public synchronized void compact() {
    requireOpen();
    List<byte[]> records = new ArrayList<>();
    records.add(cipher.seal(SecretRecords.keyCheck()));
    for (Map.Entry<
            SecretName, Map.Entry<List<SecretTable.Stored<byte[]>>, Map<SecretLabel, String>>>
        secret : table.labelled().entrySet()) {
      SecretName name = secret.getKey();
      for (SecretTable.Stored<byte[]> version : secret.getValue().getKey()) {
        byte[] bytes = revealValue(version.value());
        byte[] plain = SecretRecords.put(name, version.versionId(), version.created(), bytes);
        Arrays.fill(bytes, (byte) 0);
        records.add(cipher.seal(plain));
        Arrays.fill(plain, (byte) 0);
      }
      // CURRENT first: placed on no version, it drags no PREVIOUS along.
      for (SecretLabel label : SecretLabel.values()) {
        String target = secret.getValue().getValue().get(label);
        if (target != null) {
          records.add(cipher.seal(SecretRecords.move(name, label, Optional.of(target))));
        }
      }
    }
    journal.rewrite(records, step -> {});
    SecretTable<byte[]> fresh = new SecretTable<>(this::revealValue);
    for (int i = 1; i < records.size(); i++) {
      replayInto(fresh, records.get(i));
    }
    table.replaceWith(fresh);
  }

  /** Closes the journal and releases the directory lock; idempotent. */
  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      journal.close();
    }
  }

  private void replayInto(SecretTable<byte[]> target, byte[] blob) {
    byte[] plain = cipher.open(blob).orElseThrow();
    try {
      apply(target, blob, plain);
    } finally {
      Arrays.fill(plain, (byte) 0);
    }
  }

  private byte[] revealValue(byte[] blob) {
    byte[] plain =
        cipher
            .open(blob)
            .orElseThrow(() -> new SecretStoreException("a blob secret failed authentication"));
    try {
      if (SecretRecords.decode(plain) instanceof SecretRecords.Put put) {
        return put.value();
      }
      throw new SecretStoreException("a blob secret is not a version record");
    } finally {
      Arrays.fill(plain, (byte) 0);
    }
  }

  private void requireOpen() {
    if (closed) {
      throw new SecretStoreException("the local secret store is closed");
    }
  }
}
