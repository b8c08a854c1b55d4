package dev.tdeveloper.tenancy.config;

import com.google.common.hash.Hashing;
import java.nio.file.Path;

/**
 * One read of a {@code tenants.yaml} file: its bytes and SHA-256, or why it could not be read.
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

  TenantConfig parse(Path path) {
    if (failure != null) {
      throw failure;
    }
    return TenantConfigLoader.parse(path.toString(), bytes);
  }
}
