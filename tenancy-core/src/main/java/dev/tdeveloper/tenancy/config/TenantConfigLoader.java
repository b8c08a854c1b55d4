package dev.tdeveloper.tenancy.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Loads a {@code tenants.yaml} file into a {@link TenantConfig}; the format is described in the
 * {@linkplain dev.tdeveloper.tenancy.config package documentation}.
 *
 * <p>Every failure is a {@link ConfigException} whose message reads {@code file:line:column:
 * field.path: problem}, for example {@code tenants.yaml:14:7: tenants.acme.plan: unknown plan
 * 'platinum'; known plans: [free, pro]}. Input is treated as untrusted: files over {@value
 * #MAX_FILE_SIZE} bytes are refused before parsing, YAML aliases are refused, and nesting is
 * limited.
 *
 * <p>Thread-safe: the loader holds no state.
 */
public final class TenantConfigLoader {
  /**
   * The largest file accepted, in bytes (for a {@link Reader}: in characters): {@value} (1 MiB).
   */
  public static final int MAX_FILE_SIZE = 1024 * 1024;

  private TenantConfigLoader() {}

  /**
   * Loads the file at {@code path}; errors name the file as {@code path.toString()}.
   *
   * @throws NullPointerException if {@code path} is null
   * @throws ConfigException if the file cannot be read, is larger than {@value #MAX_FILE_SIZE}
   *     bytes, is not UTF-8, or is not a valid {@code tenants.yaml}
   */
  public static TenantConfig load(Path path) {
    Objects.requireNonNull(path, "path");
    return parse(path.toString(), read(path));
  }

  /**
   * Loads the YAML text read from {@code reader}, which is not closed; errors name the text {@code
   * name}.
   *
   * @param name the name used in error messages, usually the file name
   * @param reader the YAML text
   * @throws NullPointerException if an argument is null
   * @throws ConfigException if reading fails, the text is longer than {@value #MAX_FILE_SIZE}
   *     characters, or it is not a valid {@code tenants.yaml}
   */
  public static TenantConfig load(String name, Reader reader) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(reader, "reader");
    StringBuilder text = new StringBuilder();
    char[] buffer = new char[8192];
    try {
      for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
        text.append(buffer, 0, n);
        if (text.length() > MAX_FILE_SIZE) {
          throw tooLarge(name, "more than " + MAX_FILE_SIZE + " characters");
        }
      }
    } catch (IOException e) {
      throw new ConfigException("cannot read " + name + ": " + describe(e), e);
    }
    return parse(name, text.toString());
  }

  /**
   * Reads at most {@value #MAX_FILE_SIZE} bytes of {@code path}.
   *
   * @throws ConfigException if the file cannot be read or is larger than the limit
   */
  static byte[] read(Path path) {
    String name = path.toString();
    try {
      long size = Files.size(path);
      if (size > MAX_FILE_SIZE) {
        throw tooLarge(name, size + " bytes");
      }
      try (InputStream in = Files.newInputStream(path)) {
        byte[] bytes = in.readNBytes(MAX_FILE_SIZE + 1);
        if (bytes.length > MAX_FILE_SIZE) {
          throw tooLarge(name, "more than " + MAX_FILE_SIZE + " bytes");
        }
        return bytes;
      }
    } catch (IOException e) {
      throw new ConfigException("cannot read " + name + ": " + describe(e), e);
    }
  }

  /**
   * Parses file content read by {@link #read(Path)}.
   *
   * @throws ConfigException if the bytes are not UTF-8 or not a valid {@code tenants.yaml}
   */
  static TenantConfig parse(String name, byte[] bytes) {
    return parse(name, YamlConfigFiles.decode(name, bytes));
  }

  private static TenantConfig parse(String name, String text) {
    Node root =
        YamlConfigFiles.parse(name, text)
            .orElseThrow(
                () ->
                    new ConfigException(
                        new ConfigLocation(name, 1, 1),
                        "(root)",
                        "the file is empty; expected a mapping with keys "
                            + "[defaultPlan, defaults, plans, tenants]"));
    return ConfigBinder.bind(name, root);
  }

  private static ConfigException tooLarge(String name, String size) {
    return new ConfigException(
        name
            + ": the file is "
            + size
            + "; the limit is "
            + MAX_FILE_SIZE
            + " bytes (1 MiB), refused without parsing");
  }

  private static String describe(IOException e) {
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }
}
