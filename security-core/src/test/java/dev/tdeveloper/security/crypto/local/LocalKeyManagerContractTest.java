package dev.tdeveloper.security.crypto.local;

import dev.tdeveloper.security.spi.KeyManager;
import dev.tdeveloper.security.testkit.KeyManagerContract;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;

/** The local key manager passes the KeyManager contract, including reopening its store. */
class LocalKeyManagerContractTest extends KeyManagerContract {
  @TempDir Path temp;

  private MasterKey master() {
    Path file = temp.resolve("master.key");
    if (!file.toFile().exists()) {
      MasterKey.generateFile(file);
    }
    return MasterKey.fromFile(file);
  }

  @Override
  protected KeyManager create() {
    return LocalKeyManager.builder(temp.resolve("keys"), master()).open();
  }

  @Override
  protected Optional<KeyManager> reopen(KeyManager current) {
    current.close();
    return Optional.of(create());
  }
}
