package dev.tdeveloper.observability.alert.internal;

import dev.tdeveloper.observability.spi.AlertStateStore;
import dev.tdeveloper.observability.spi.AlertStateStoreProvider;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Provides the local-file store ({@code file}); reads the required property {@code directory} and
 * rejects any other. Stateless and thread-safe.
 */
public final class FileAlertStateStoreProvider implements AlertStateStoreProvider {
  /** The provider's name: {@value}. */
  public static final String NAME = "file";

  /** The property naming the state directory: {@value}. */
  public static final String DIRECTORY = "directory";

  /** Creates the provider (for {@link java.util.ServiceLoader}). */
  public FileAlertStateStoreProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public AlertStateStore create(Map<String, String> properties) {
    Objects.requireNonNull(properties, "properties");
    TreeSet<String> unknown = new TreeSet<>(properties.keySet());
    unknown.remove(DIRECTORY);
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          "alert state store 'file': unknown properties " + unknown + "; allowed: [directory]");
    }
    String directory = properties.get(DIRECTORY);
    if (directory == null || directory.isBlank()) {
      throw new IllegalArgumentException(
          "alert state store 'file': property 'directory' is required (the state directory)");
    }
    try {
      return FileAlertStateStore.open(Path.of(directory));
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException(
          "alert state store 'file': directory '" + directory + "' is not a valid path", e);
    }
  }

  @Override
  public String toString() {
    return "FileAlertStateStoreProvider";
  }
}
