package dev.tdeveloper.tenancy.config;

import com.google.common.hash.Hashing;
import java.nio.file.Path;
import java.util.function.BiFunction;

/**
 * One read of a YAML configuration file: its bytes and SHA-256, or why it could not be read.
 * Immutable.
 */
final class FileRead {
  private final byte[] bytes;
  private final ConfigException failure;

  /** {@code sha256:<hex>} of the bytes, or {@code unreadable:<reason>}. */
  final String fingerprint;

  private FileRead(byte[] bytes, ConfigException failure, String fingerprint) {
    this.bytes = bytes;
    this.failure = failure;
    this.fingerprint = fingerprint;
  }

  static FileRead read(Path path) {
    try {
      byte[] bytes = TenantConfigLoader.read(path);
      return new FileRead(bytes, null, "sha256:" + Hashing.sha256().hashBytes(bytes));
    } catch (ConfigException e) {
      return new FileRead(null, e, "unreadable:" + e.getMessage());
    }
  }

  <C> C parse(Path path, BiFunction<String, byte[], C> parser) {
    if (failure != null) {
      throw failure;
    }
    return parser.apply(path.toString(), bytes);
  }
}
