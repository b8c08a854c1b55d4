package dev.tdeveloper.backend.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.tdeveloper.compliance.audit.integrity.MerkleHashes;
import dev.tdeveloper.compliance.spi.AuditRecord;
import dev.tdeveloper.compliance.spi.AuditSink;
import dev.tdeveloper.compliance.spi.AuditSinkProvider;
import dev.tdeveloper.tenancy.spi.ProviderSelector;
import dev.tdeveloper.tenancy.testkit.servers.LocalPostgres;
import dev.tdeveloper.tenancy.testkit.servers.LocalPostgresExtension;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalPostgresExtension.class)
class PostgresAuditSinkProviderTest {

  @Test
  void isFoundByNameAndOpensAnInstalledLog(LocalPostgres postgres) throws Exception {
    try (Connection connection = postgres.connect(LocalPostgres.DEFAULT_DATABASE);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE audit_provider");
      statement.execute("CREATE ROLE audit_provider_app LOGIN PASSWORD 'p'");
    }
    HikariConfig pool = new HikariConfig();
    pool.setJdbcUrl(postgres.jdbcUrl("audit_provider"));
    pool.setUsername(postgres.user());
    pool.setPassword(postgres.password());
    try (HikariDataSource admin = new HikariDataSource(pool)) {
      PostgresAuditSink.install(admin, "compliance.audit", "audit_provider_app");
    }
    AuditSinkProvider provider =
        ProviderSelector.select(
            AuditSinkProvider.class, Optional.of("postgres"), "dev.tdeveloper:postgres-backend");
    assertThat(provider).isInstanceOf(PostgresAuditSinkProvider.class);
    Map<String, String> properties =
        Map.of(
            PostgresAuditSinkProvider.URL,
            postgres.jdbcUrl("audit_provider"),
            PostgresAuditSinkProvider.USER,
            "audit_provider_app",
            PostgresAuditSinkProvider.PASSWORD,
            "p",
            PostgresAuditSinkProvider.TABLE,
            "compliance.audit",
            "file.directory",
            "belongs to another backend");
    byte[] event = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
    AuditRecord record = AuditRecord.of(0, event, MerkleHashes.leaf(event));
    try (AuditSink sink = provider.create(AuditSinkProvider.Config.of(properties))) {
      sink.append(List.of(record));
    }
    try (AuditSink sink = provider.create(AuditSinkProvider.Config.of(properties))) {
      assertThat(sink.size()).isEqualTo(1);
    }
  }

  @Test
  void refusesUnknownMissingAndInvalidProperties() {
    PostgresAuditSinkProvider provider = new PostgresAuditSinkProvider();
    assertThat(provider.name()).isEqualTo("postgres");
    assertThatThrownBy(
            () ->
                provider.create(
                    AuditSinkProvider.Config.of(
                        Map.of("postgres.url", "jdbc:postgresql://x/y", "postgres.tabel", "t"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[postgres.tabel]");
    assertThatThrownBy(() -> provider.create(AuditSinkProvider.Config.of(Map.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("postgres.url must be a jdbc:postgresql: URL, was missing");
    assertThatThrownBy(
            () ->
                provider.create(
                    AuditSinkProvider.Config.of(
                        Map.of(
                            "postgres.url", "jdbc:postgresql://x/y", "postgres.pool-size", "x"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("postgres.pool-size must be 1 to 100, was 'x'");
    assertThatThrownBy(
            () ->
                provider.create(
                    AuditSinkProvider.Config.of(
                        Map.of("postgres.url", "jdbc:postgresql://x/y", "postgres.table", "A"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("table must match");
  }
}
