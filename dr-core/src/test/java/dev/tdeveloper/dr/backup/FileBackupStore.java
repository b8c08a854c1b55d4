package dev.tdeveloper.dr.backup;

import dev.tdeveloper.dr.DrException;
import dev.tdeveloper.dr.spi.BackupScope;
import dev.tdeveloper.dr.spi.BackupStore;
import dev.tdeveloper.tenancy.internal.DurableFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A minimal store in files with atomic renames, for the crash test (the real one lives elsewhere).
 */
class FileBackupStore implements BackupStore {
  private final Path root;

  FileBackupStore(Path root) {
    this.root = root;
  }

  private Path dir(BackupScope scope, String kind) {
    try {
      return Files.createDirectories(root.resolve(scope.key()).resolve(kind));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path file, byte[] bytes) {
    try {
      DurableFiles.replace(file, out -> out.write(bytes));
    } catch (IOException e) {
      throw new DrException("cannot write " + file, e);
    }
  }

  private static List<String> names(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> !n.endsWith(DurableFiles.TEMP_SUFFIX))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public boolean hasChunk(BackupScope scope, String chunkId) {
    return Files.exists(dir(scope, "chunks").resolve(chunkId));
  }

  @Override
  public void putChunk(BackupScope scope, String chunkId, byte[] sealed) {
    ChunkRef.requireChunkId(chunkId);
    if (!hasChunk(scope, chunkId)) {
      write(dir(scope, "chunks").resolve(chunkId), sealed);
    }
  }

  @Override
  public byte[] getChunk(BackupScope scope, String chunkId) {
    try {
      return Files.readAllBytes(dir(scope, "chunks").resolve(chunkId));
    } catch (IOException e) {
      throw new DrException("chunk " + chunkId + " is missing or unreadable", e);
    }
  }

  @Override
  public void deleteChunk(BackupScope scope, String chunkId) {
    try {
      Files.deleteIfExists(dir(scope, "chunks").resolve(chunkId));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void listChunks(BackupScope scope, Consumer<String> consumer) {
    names(dir(scope, "chunks")).forEach(consumer);
  }

  @Override
  public void publishManifest(BackupScope scope, String backupId, byte[] manifest) {
    write(dir(scope, "manifests").resolve(backupId), manifest);
  }

  @Override
  public Optional<byte[]> manifest(BackupScope scope, String backupId) {
    Path file = dir(scope, "manifests").resolve(backupId);
    try {
      return Files.exists(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public List<String> manifests(BackupScope scope) {
    return names(dir(scope, "manifests"));
  }

  @Override
  public void deleteManifest(BackupScope scope, String backupId) {
    try {
      Files.deleteIfExists(dir(scope, "manifests").resolve(backupId));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public List<BackupScope> scopes() {
    return List.of();
  }

  @Override
  public void close() {}
}
