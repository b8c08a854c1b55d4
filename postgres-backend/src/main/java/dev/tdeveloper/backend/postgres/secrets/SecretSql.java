package dev.tdeveloper.backend.postgres.secrets;

import dev.tdeveloper.backend.postgres.internal.TableName;
import dev.tdeveloper.security.spi.SecretName;
import dev.tdeveloper.tenancy.TenantId;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of {@link PostgresSecretStore}. Statements about one secret take its tenant column
 * ({@code ''} for a platform secret; tenant ids are never empty) and its name as parameters 1 and
 * 2.
 */
final class SecretSql {
  private static final String KEY = " WHERE tenant = ? AND name = ?";

  private SecretSql() {}

  static List<String> create(TableName t) {
    List<String> sql = new ArrayList<>();
    t.createSchema().ifPresent(sql::add);
    sql.add(
        "CREATE TABLE IF NOT EXISTS "
            + t.qualified()
            + " (tenant text NOT NULL, name text NOT NULL,"
            + " current_version text, pending_version text, previous_version text,"
            + " PRIMARY KEY (tenant, name))");
    sql.add(
        "CREATE TABLE IF NOT EXISTS "
            + t.qualified("_versions")
            + " (ord bigint GENERATED ALWAYS AS IDENTITY,"
            + " tenant text NOT NULL, name text NOT NULL, version_id text NOT NULL,"
            + " created_seconds bigint NOT NULL, created_nanos integer NOT NULL,"
            + " sealed bytea NOT NULL,"
            + " PRIMARY KEY (tenant, name, version_id),"
            + " FOREIGN KEY (tenant, name) REFERENCES "
            + t.qualified()
            + ")");
    return sql;
  }

  static String insertSecret(TableName t) {
    return "INSERT INTO "
        + t.qualified()
        + " (tenant, name) VALUES (?, ?) ON CONFLICT (tenant, name) DO NOTHING";
  }

  static String lockSecret(TableName t) {
    return "SELECT current_version, pending_version, previous_version FROM "
        + t.qualified()
        + KEY
        + " FOR UPDATE";
  }

  static String setLabels(TableName t) {
    return "UPDATE "
        + t.qualified()
        + " SET current_version = ?, pending_version = ?, previous_version = ?"
        + KEY;
  }

  /** Parameter 3: the version id. */
  static String selectVersion(TableName t) {
    return "SELECT created_seconds, created_nanos, sealed FROM "
        + t.qualified("_versions")
        + KEY
        + " AND version_id = ?";
  }

  /** Parameters 3 to 6: version id, created seconds and nanoseconds, sealed value. */
  static String insertVersion(TableName t) {
    return "INSERT INTO "
        + t.qualified("_versions")
        + " (tenant, name, version_id, created_seconds, created_nanos, sealed)"
        + " VALUES (?, ?, ?, ?, ?, ?)";
  }

  static String versions(TableName t) {
    return "SELECT v.version_id, v.created_seconds, v.created_nanos,"
        + " s.current_version, s.pending_version, s.previous_version FROM "
        + t.qualified("_versions")
        + " v JOIN "
        + t.qualified()
        + " s ON s.tenant = v.tenant AND s.name = v.name"
        + " WHERE v.tenant = ? AND v.name = ? ORDER BY v.ord";
  }

  static String names(TableName t) {
    return "SELECT tenant, name FROM " + t.qualified();
  }

  static String tenantColumn(SecretName name) {
    return name.tenant().map(TenantId::value).orElse("");
  }

  static SecretName secretName(String tenant, String name) {
    return tenant.isEmpty() ? SecretName.platform(name) : SecretName.of(TenantId.of(tenant), name);
  }
}
