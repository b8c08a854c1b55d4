package dev.tdeveloper.tenancy.config;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads any of the suite's YAML configuration files ({@code security.yaml}, {@code regions.yaml},
 * ...) into a {@link Node} tree with the reader and the hostile-input limits of {@code
 * tenants.yaml}: at most {@value TenantConfigLoader#MAX_FILE_SIZE} bytes (refused unread), UTF-8
 * only (a leading byte-order mark is skipped), no aliases or anchors, at most 32 levels of nesting,
 * no duplicate keys, one document. Every failure is a {@link ConfigException} reading {@code
 * file:line:column: field.path: problem}; the caller binds the tree to its own types and reports
 * semantic problems at each {@link Node#location()}.
 *
 * <p>Thread-safe: holds no state.
 */
public final class YamlConfigFiles {
  private YamlConfigFiles() {}

  /**
   * Reads at most {@value TenantConfigLoader#MAX_FILE_SIZE} bytes of {@code path}.
   *
   * @throws NullPointerException if {@code path} is null
   * @throws ConfigException if the file cannot be read or is larger than the limit
   */
  public static byte[] read(Path path) {
    return TenantConfigLoader.read(Objects.requireNonNull(path, "path"));
  }

  /**
   * Parses file content (as returned by {@link #read}) named {@code name} in error messages.
   *
   * @return the document's root, or empty when the file holds no document (empty, blank or only
   *     comments)
   * @throws NullPointerException if an argument is null
   * @throws ConfigException if the bytes are not UTF-8 or not valid YAML within the limits
   */
  public static Optional<Node> parse(String name, byte[] bytes) {
    return parse(name, decode(name, bytes));
  }

  /**
   * Parses YAML text named {@code name} in error messages.
   *
   * @return the document's root, or empty when the text holds no document
   * @throws NullPointerException if an argument is null
   * @throws ConfigException if the text is longer than {@value TenantConfigLoader#MAX_FILE_SIZE}
   *     characters or not valid YAML within the limits
   */
  public static Optional<Node> parse(String name, String text) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(text, "text");
    if (text.length() > TenantConfigLoader.MAX_FILE_SIZE) {
      throw new ConfigException(
          name
              + ": the text is "
              + text.length()
              + " characters; the limit is "
              + TenantConfigLoader.MAX_FILE_SIZE
              + ", refused without parsing");
    }
    String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
    return YamlTreeReader.read(name, content);
  }

  /**
   * Decodes {@code bytes} as strict UTF-8.
   *
   * @throws ConfigException naming {@code name} if they are not
   */
  static String decode(String name, byte[] bytes) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(bytes, "bytes");
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new ConfigException(name + ": the file is not valid UTF-8", e);
    }
  }
}
