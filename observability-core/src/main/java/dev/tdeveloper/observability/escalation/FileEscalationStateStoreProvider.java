package dev.tdeveloper.observability.escalation;

import dev.tdeveloper.observability.spi.EscalationStateStore;
import dev.tdeveloper.observability.spi.EscalationStateStoreProvider;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Provides {@link FileEscalationStateStore}s under the name {@value #NAME}. Property {@value
 * #DIRECTORY} (required): the state directory, created if missing.
 *
 * <p>Stateless and thread-safe.
 */
public final class FileEscalationStateStoreProvider implements EscalationStateStoreProvider {
  /** The provider name: {@value}. */
  public static final String NAME = "file";

  /** Property: the directory the store keeps its files in. */
  public static final String DIRECTORY = "directory";

  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public FileEscalationStateStoreProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public EscalationStateStore create(Map<String, String> properties) {
    Objects.requireNonNull(properties, "properties");
    for (String key : properties.keySet()) {
      if (!key.equals(DIRECTORY)) {
        throw new IllegalArgumentException(
            "unknown property '"
                + key
                + "' of the file escalation state store; known: ["
                + DIRECTORY
                + "]");
      }
    }
    String directory = properties.get(DIRECTORY);
    if (directory == null || directory.isBlank()) {
      throw new IllegalArgumentException(
          "property '" + DIRECTORY + "' of the file escalation state store is required");
    }
    try {
      return FileEscalationStateStore.open(Path.of(directory));
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException(
          "property '"
              + DIRECTORY
              + "' of the file escalation state store: '"
              + directory
              + "' is not a path: "
              + e.getMessage(),
          e);
    }
  }
}
