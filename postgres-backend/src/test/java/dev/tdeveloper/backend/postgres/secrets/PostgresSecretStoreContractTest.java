package dev.tdeveloper.backend.postgres.secrets;

import com.zaxxer.hikari.HikariDataSource;
import dev.tdeveloper.backend.postgres.TestPools;
import dev.tdeveloper.security.crypto.local.LocalKeyManager;
import dev.tdeveloper.security.spi.SecretStore;
import dev.tdeveloper.security.testkit.SecretStoreContract;
import dev.tdeveloper.tenancy.testkit.servers.LocalPostgres;
import dev.tdeveloper.tenancy.testkit.servers.LocalPostgresExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The PostgreSQL secret store passes the same contract as security-core's stores. */
@ExtendWith(LocalPostgresExtension.class)
class PostgresSecretStoreContractTest extends SecretStoreContract {
  private static HikariDataSource pool;
  private static LocalKeyManager keys;

  @BeforeAll
  static void openPoolAndKeys(LocalPostgres postgres, @TempDir Path keyDirectory) {
    pool = TestPools.superuser(postgres, LocalPostgres.DEFAULT_DATABASE, 12);
    keys = Keys.open(keyDirectory);
    PostgresSecretStore.builder(pool, keys).table("contract.secrets").build().createTables();
  }

  @AfterAll
  static void closePoolAndKeys() {
    pool.close();
    keys.close();
  }

  @Override
  protected SecretStore create() {
    return PostgresSecretStore.builder(pool, keys).table("contract.secrets").build();
  }
}
