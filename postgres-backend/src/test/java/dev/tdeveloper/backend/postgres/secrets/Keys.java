package dev.tdeveloper.backend.postgres.secrets;

import dev.tdeveloper.security.crypto.local.LocalKeyManager;
import dev.tdeveloper.security.crypto.local.MasterKey;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

/** Test helpers: a local key manager under a fixed master key, and pools on the test server. */
final class Keys {
  /** A fixed test master key (32 bytes, base64). */
  static final String MASTER = Base64.getEncoder().encodeToString(new byte[32]);

  private Keys() {}

  static LocalKeyManager open(Path directory) {
    return LocalKeyManager.builder(
            directory, MasterKey.fromEnvironment("TEST_KEY", Map.of("TEST_KEY", MASTER)))
        .open();
  }
}
