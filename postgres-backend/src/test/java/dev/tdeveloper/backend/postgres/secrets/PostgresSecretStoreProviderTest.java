package dev.tdeveloper.backend.postgres.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.security.crypto.local.MasterKey;
import dev.tdeveloper.security.secrets.Secret;
import dev.tdeveloper.security.spi.SecretLabel;
import dev.tdeveloper.security.spi.SecretName;
import dev.tdeveloper.security.spi.SecretStore;
import dev.tdeveloper.tenancy.testkit.servers.LocalPostgres;
import dev.tdeveloper.tenancy.testkit.servers.LocalPostgresExtension;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(LocalPostgresExtension.class)
class PostgresSecretStoreProviderTest {
  @TempDir Path temp;

  private Map<String, String> config(LocalPostgres postgres) {
    Path keyFile = temp.resolve("master.key");
    if (!keyFile.toFile().exists()) {
      MasterKey.generateFile(keyFile);
    }
    Map<String, String> config = new HashMap<>();
    config.put(PostgresSecretStoreProvider.URL, postgres.jdbcUrl());
    config.put(PostgresSecretStoreProvider.USER, postgres.user());
    config.put(PostgresSecretStoreProvider.PASSWORD, postgres.password());
    config.put(PostgresSecretStoreProvider.TABLE, "provider_test.secrets");
    config.put(PostgresSecretStoreProvider.POOL_SIZE, "2");
    config.put("key-manager", "local");
    config.put("key-manager.directory", temp.resolve("keys").toString());
    config.put("key-manager.master-key-file", keyFile.toString());
    return config;
  }

  @Test
  void isFoundByNameAndKeepsSecretsAcrossInstances(LocalPostgres postgres) {
    SecretName name = SecretName.platform("provider/db");
    try (SecretStore store = SecretStore.fromProviders(Optional.of("postgres"), config(postgres))) {
      assertThat(store).isInstanceOf(PostgresSecretStore.class);
      store.putCurrent(name, "v1", Secret.ofString("provider-value"));
    }
    try (SecretStore store = SecretStore.fromProviders(Optional.of("postgres"), config(postgres))) {
      assertThat(store.valueAt(name, SecretLabel.CURRENT).orElseThrow().stringValue())
          .isEqualTo("provider-value");
    }
  }

  @Test
  void refusesUnknownMissingAndInvalidSettings(LocalPostgres postgres) {
    PostgresSecretStoreProvider provider = new PostgresSecretStoreProvider();
    assertThat(provider.name()).isEqualTo("postgres");
    Map<String, String> unknown = config(postgres);
    unknown.put("nope", "1");
    assertThatThrownBy(() -> provider.create(unknown))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[nope]");
    assertThatThrownBy(() -> provider.create(Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("url must be a jdbc:postgresql: URL, was missing");
    Map<String, String> badTable = config(postgres);
    badTable.put("table", "Bad-Table");
    assertThatThrownBy(() -> provider.create(badTable))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("table must match");
    Map<String, String> badPool = config(postgres);
    badPool.put("pool-size", "0");
    assertThatThrownBy(() -> provider.create(badPool))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pool-size must be 1 to 100, was '0'");
  }

  @Test
  void aWrongDatabasePasswordIsNotRepeatedInTheError(LocalPostgres postgres) {
    Map<String, String> wrong = config(postgres);
    wrong.put("password", "wrong-password-do-not-echo");
    assertThatThrownBy(() -> new PostgresSecretStoreProvider().create(wrong))
        .satisfies(
            e -> {
              for (Throwable t = e; t != null; t = t.getCause()) {
                assertThat(String.valueOf(t.getMessage()))
                    .doesNotContain("wrong-password-do-not-echo");
              }
            });
  }
}
