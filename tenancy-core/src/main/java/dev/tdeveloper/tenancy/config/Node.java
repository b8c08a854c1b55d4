package dev.tdeveloper.tenancy.config;

import java.util.List;
import java.util.Map;

/**
 * A parsed YAML value that remembers its dotted field path and where it starts in the file, so
 * semantic checks made after parsing still report file, line and column. {@link YamlConfigFiles}
 * reads a file into this tree with the limits of {@code tenants.yaml}; other modules bind their own
 * configuration files ({@code security.yaml}, ...) from it.
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface Node {
  /** The dotted field path, for example {@code tenants.acme.plan}; empty for the document root. */
  String path();

  /** Where the value starts. */
  ConfigLocation location();

  /** Names the node's type for "expected X, got Y" messages. */
  String describe();

  /** Returns the path for messages: the document root is shown as {@code (root)}. */
  default String shownPath() {
    return path().isEmpty() ? "(root)" : path();
  }

  /** Builds the error for this node. */
  default ConfigException error(String problem) {
    return new ConfigException(location(), shownPath(), problem);
  }

  /** A mapping, keys in file order; each key's own location is kept for unknown-key errors. */
  record MapNode(
      String path,
      ConfigLocation location,
      Map<String, Node> values,
      Map<String, ConfigLocation> keyLocations)
      implements Node {
    @Override
    public String describe() {
      return "a mapping";
    }

    /** Returns the path of the entry {@code key} of this mapping. */
    public String childPath(String key) {
      return path.isEmpty() ? key : path + "." + key;
    }
  }

  /** A sequence. */
  record SeqNode(String path, ConfigLocation location, List<Node> items) implements Node {
    @Override
    public String describe() {
      return "a sequence";
    }
  }

  /** A non-null scalar. */
  record ScalarNode(String path, ConfigLocation location, Scalar value) implements Node {
    @Override
    public String describe() {
      return value.describe();
    }
  }

  /** An explicit or empty null ({@code ~}, {@code null} or nothing after the colon). */
  record NullNode(String path, ConfigLocation location) implements Node {
    @Override
    public String describe() {
      return "null";
    }
  }
}
