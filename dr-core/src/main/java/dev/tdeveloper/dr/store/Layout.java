package dev.tdeveloper.dr.store;

import static dev.tdeveloper.dr.store.LocalBackupStore.CHUNKS;
import static dev.tdeveloper.dr.store.LocalBackupStore.MANIFESTS;
import static dev.tdeveloper.dr.store.LocalBackupStore.MANIFEST_SUFFIX;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads {@link LocalBackupStore}'s directory layout: scopes, manifests, whether a scope is empty.
 */
final class Layout {
  private Layout() {}

  static List<String> manifestIds(Path directory) throws IOException {
    List<String> ids = new ArrayList<>();
    for (Path file : children(directory)) {
      String name = file.getFileName().toString();
      if (name.endsWith(MANIFEST_SUFFIX)) {
        String id = name.substring(0, name.length() - MANIFEST_SUFFIX.length());
        if (Ids.isBackupId(id)) {
          ids.add(id);
        }
      }
    }
    ids.sort(Comparator.naturalOrder());
    return List.copyOf(ids);
  }

  static boolean holdsData(Path scope) throws IOException {
    if (!manifestIds(scope.resolve(MANIFESTS)).isEmpty()) {
      return true;
    }
    for (Path prefix : children(scope.resolve(CHUNKS))) {
      try (DirectoryStream<Path> files = Files.newDirectoryStream(prefix)) {
        for (Path file : files) {
          if (Ids.isChunkId(file.getFileName().toString())) {
            return true;
          }
        }
      } catch (NoSuchFileException e) {
        // deleted meanwhile
      }
    }
    return false;
  }

  static List<Path> scopeDirectories(Path root) throws IOException {
    List<Path> scopes = new ArrayList<>();
    for (Path child : children(root)) {
      if (Files.isDirectory(child) && Ids.scopeOf(child.getFileName().toString()).isPresent()) {
        scopes.add(child);
      }
    }
    return scopes;
  }

  static List<Path> children(Path directory) throws IOException {
    List<Path> children = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
      entries.forEach(children::add);
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return children;
  }
}
