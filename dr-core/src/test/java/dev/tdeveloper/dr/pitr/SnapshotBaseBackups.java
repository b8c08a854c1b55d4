package dev.tdeveloper.dr.pitr;

import dev.tdeveloper.dr.spi.BackupScope;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/** Test {@link BaseBackups}: each base is an in-memory copy of a directory's files. */
final class SnapshotBaseBackups implements BaseBackups {
  private final List<Snapshot> snapshots = new CopyOnWriteArrayList<>();

  private record Snapshot(BaseBackup backup, Map<String, byte[]> files) {}

  /** Records a base holding the files now under {@code directory}. */
  BaseBackup take(BaseBackup backup, Path directory) {
    snapshots.add(new Snapshot(backup, files(directory)));
    return backup;
  }

  /** Records a base holding {@code files}. */
  BaseBackup take(BaseBackup backup, Map<String, byte[]> files) {
    snapshots.add(new Snapshot(backup, new TreeMap<>(files)));
    return backup;
  }

  @Override
  public List<BaseBackup> list(BackupScope scope, String source) {
    List<BaseBackup> bases = new ArrayList<>();
    for (Snapshot s : snapshots) {
      if (s.backup().scope().equals(scope) && s.backup().source().equals(source)) {
        bases.add(s.backup());
      }
    }
    return bases;
  }

  @Override
  public void restore(BaseBackup backup, Path target) {
    Snapshot snapshot =
        snapshots.stream().filter(s -> s.backup().equals(backup)).findFirst().orElseThrow();
    snapshot.files().forEach((path, content) -> FileChanges.write(target, path, content));
  }

  /** Returns every regular file under {@code directory} by its relative '/' path. */
  static TreeMap<String, byte[]> files(Path directory) {
    TreeMap<String, byte[]> files = new TreeMap<>();
    if (!Files.isDirectory(directory)) {
      return files;
    }
    try (Stream<Path> walk = Files.walk(directory)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        String relative = directory.relativize(file).toString().replace('\\', '/');
        files.put(relative, Files.readAllBytes(file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  /** Returns every directory under {@code directory} (not itself) by its relative path. */
  static List<String> directories(Path directory) {
    try (Stream<Path> walk = Files.walk(directory)) {
      return walk.filter(Files::isDirectory)
          .filter(d -> !d.equals(directory))
          .map(d -> directory.relativize(d).toString().replace('\\', '/'))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
