package dev.tdeveloper.backend.postgres.secrets;

import dev.tdeveloper.backend.postgres.internal.Jdbc;
import dev.tdeveloper.backend.postgres.internal.TableName;
import dev.tdeveloper.security.secrets.Secret;
import dev.tdeveloper.security.spi.KeyManager;
import dev.tdeveloper.security.spi.LabelConflictException;
import dev.tdeveloper.security.spi.SecretLabel;
import dev.tdeveloper.security.spi.SecretName;
import dev.tdeveloper.security.spi.SecretNotFoundException;
import dev.tdeveloper.security.spi.SecretStore;
import dev.tdeveloper.security.spi.SecretStoreException;
import dev.tdeveloper.security.spi.SecretVersion;
import dev.tdeveloper.security.spi.SecretVersionConflictException;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

/**
 * A {@link SecretStore} in PostgreSQL, shared by every instance of a service: one row per secret
 * (in the secrets table, holding where its three labels are) and one row per version (in {@code
 * <table>_versions}, holding the sealed value).
 *
 * <p><b>Encryption at rest.</b> Values are sealed with the suite's envelope encryption ({@code
 * EnvelopeEncryptor}, AES-256-GCM) under the given {@link KeyManager}: a tenant's secrets under
 * that tenant's key, platform secrets under the {@linkplain
 * PostgresSecretStoreBuilder#platformKeyTenant platform key tenant}'s. The database holds only
 * ciphertext; each sealed value is bound to its secret and version, so a row copied elsewhere does
 * not open, and destroying a tenant's keys makes its secrets unreadable (crypto-shredding). Names
 * and version ids are stored in clear, as AWS Secrets Manager keeps them. Every instance needs the
 * same key manager (a KMS, or one key directory).
 *
 * <p><b>Atomicity.</b> Each call is one transaction. A put locks the secret's row, so two instances
 * writing one version id agree on one value. A label move locks the secret's row, compares where
 * the label is with where the caller saw it and moves it (with PREVIOUS, for CURRENT) before
 * commit, so of racing movers exactly one wins and the others get {@link LabelConflictException}.
 *
 * <p>Give it a plain {@link DataSource} (platform data), not a {@code TenantDataSource}.
 * Thread-safe.
 */
public final class PostgresSecretStore implements SecretStore {
  /** The default secrets table: {@value}. */
  public static final String DEFAULT_TABLE = "secrets";

  /** The default key manager tenant of platform secrets: {@value}. */
  public static final String DEFAULT_PLATFORM_KEY_TENANT = "platform";

  /** The longest secrets table name, so that {@code <name>_versions} fits: {@value}. */
  public static final int MAX_TABLE = 54;

  private final DataSource dataSource;
  private final TableName table;
  private final SecretSealer sealer;
  private final InstantSource clock;
  private final AutoCloseable owned;
  private final AtomicBoolean closed = new AtomicBoolean();

  PostgresSecretStore(PostgresSecretStoreBuilder b) {
    this.dataSource = b.dataSource;
    this.table = b.table;
    this.sealer = new SecretSealer(b.keys, b.platformKeyTenant);
    this.clock = b.clock;
    this.owned = b.owned;
  }

  /** Returns a builder of a store over {@code dataSource} sealing values under {@code keys}. */
  public static PostgresSecretStoreBuilder builder(DataSource dataSource, KeyManager keys) {
    return new PostgresSecretStoreBuilder(dataSource, keys);
  }

  /**
   * Creates the tables (and the schema) if missing. Idempotent.
   *
   * @throws SecretStoreException if the database refuses
   */
  public void createTables() {
    inTransaction(
        "creating the secret tables",
        connection -> {
          Jdbc.executeAll(connection, SecretSql.create(table));
          return null;
        });
  }

  @Override
  public SecretVersion put(SecretName name, String versionId, Secret value) {
    Objects.requireNonNull(name, "name");
    SecretVersion.checkVersionId(versionId);
    byte[] bytes = Objects.requireNonNull(value, "value").bytes();
    try {
      if (bytes.length > MAX_VALUE_BYTES) {
        throw new IllegalArgumentException(
            "a secret value must be at most " + MAX_VALUE_BYTES + " bytes, was " + bytes.length);
      }
      return inTransaction(
          "put of version '" + versionId + "' of secret " + name,
          c -> putLocked(c, name, versionId, bytes));
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  private SecretVersion putLocked(Connection c, SecretName name, String versionId, byte[] bytes)
      throws SQLException {
    update(c, SecretSql.insertSecret(table), name);
    SecretLabels labels = lockLabels(c, name).orElseThrow();
    try (PreparedStatement query = prepare(c, SecretSql.selectVersion(table), name)) {
      query.setString(3, versionId);
      try (ResultSet row = query.executeQuery()) {
        if (row.next()) {
          byte[] stored = sealer.open(name, versionId, row.getBytes(3));
          try {
            if (!MessageDigest.isEqual(stored, bytes)) {
              throw new SecretVersionConflictException(name, versionId);
            }
          } finally {
            Arrays.fill(stored, (byte) 0);
          }
          return labels.describe(versionId, instant(row.getLong(1), row.getInt(2)));
        }
      }
    }
    Instant created = clock.instant();
    try (PreparedStatement insert = prepare(c, SecretSql.insertVersion(table), name)) {
      insert.setString(3, versionId);
      insert.setLong(4, created.getEpochSecond());
      insert.setInt(5, created.getNano());
      insert.setBytes(6, sealer.seal(name, versionId, bytes));
      insert.executeUpdate();
    }
    return labels.describe(versionId, created);
  }

  @Override
  public List<SecretVersion> versions(SecretName name) {
    Objects.requireNonNull(name, "name");
    return inTransaction(
        "listing the versions of secret " + name,
        c -> {
          List<SecretVersion> out = new ArrayList<>();
          try (PreparedStatement query = prepare(c, SecretSql.versions(table), name);
              ResultSet row = query.executeQuery()) {
            while (row.next()) {
              SecretLabels labels =
                  new SecretLabels(row.getString(4), row.getString(5), row.getString(6));
              out.add(labels.describe(row.getString(1), instant(row.getLong(2), row.getInt(3))));
            }
          }
          return List.copyOf(out);
        });
  }

  @Override
  public Optional<Secret> value(SecretName name, String versionId) {
    Objects.requireNonNull(name, "name");
    SecretVersion.checkVersionId(versionId);
    return inTransaction(
        "reading version '" + versionId + "' of secret " + name,
        c -> {
          try (PreparedStatement query = prepare(c, SecretSql.selectVersion(table), name)) {
            query.setString(3, versionId);
            try (ResultSet row = query.executeQuery()) {
              if (!row.next()) {
                return Optional.empty();
              }
              byte[] plain = sealer.open(name, versionId, row.getBytes(3));
              try {
                return Optional.of(Secret.of(plain));
              } finally {
                Arrays.fill(plain, (byte) 0);
              }
            }
          }
        });
  }

  @Override
  public void moveLabel(
      SecretName name, SecretLabel label, Optional<String> expected, Optional<String> target) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(expected, "expected").ifPresent(SecretVersion::checkVersionId);
    Objects.requireNonNull(target, "target").ifPresent(SecretVersion::checkVersionId);
    if (label == SecretLabel.CURRENT && target.isEmpty()) {
      throw new IllegalArgumentException(
          "label CURRENT of secret " + name + " can be moved to another version, never removed");
    }
    inTransaction(
        "moving label " + label + " of secret " + name,
        c -> {
          SecretLabels labels =
              lockLabels(c, name)
                  .orElseThrow(() -> new SecretNotFoundException(name, Optional.empty()));
          if (target.isPresent() && !versionExists(c, name, target.get())) {
            throw new SecretNotFoundException(name, target);
          }
          Optional<String> actual = labels.at(label);
          if (!actual.equals(expected)) {
            throw new LabelConflictException(name, label, expected, actual);
          }
          SecretLabels moved = labels.move(label, target);
          try (PreparedStatement update = c.prepareStatement(SecretSql.setLabels(table))) {
            update.setString(1, moved.current());
            update.setString(2, moved.pending());
            update.setString(3, moved.previous());
            update.setString(4, SecretSql.tenantColumn(name));
            update.setString(5, name.name());
            update.executeUpdate();
          }
          return null;
        });
  }

  @Override
  public List<SecretName> names() {
    return inTransaction(
        "listing secrets",
        c -> {
          List<SecretName> out = new ArrayList<>();
          try (Statement statement = c.createStatement();
              ResultSet row = statement.executeQuery(SecretSql.names(table))) {
            while (row.next()) {
              out.add(SecretSql.secretName(row.getString(1), row.getString(2)));
            }
          }
          out.sort(null);
          return List.copyOf(out);
        });
  }

  /** Closes the store, and the pool and key manager the provider opened for it; idempotent. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      try {
        owned.close();
      } catch (Exception e) {
        throw new SecretStoreException("closing the secret store's resources failed: " + e, e);
      }
    }
  }

  @Override
  public String toString() {
    return "PostgresSecretStore[" + table.qualified() + "]";
  }

  private Optional<SecretLabels> lockLabels(Connection c, SecretName name) throws SQLException {
    try (PreparedStatement query = prepare(c, SecretSql.lockSecret(table), name);
        ResultSet row = query.executeQuery()) {
      return row.next()
          ? Optional.of(new SecretLabels(row.getString(1), row.getString(2), row.getString(3)))
          : Optional.empty();
    }
  }

  private boolean versionExists(Connection c, SecretName name, String versionId)
      throws SQLException {
    try (PreparedStatement query = prepare(c, SecretSql.selectVersion(table), name)) {
      query.setString(3, versionId);
      try (ResultSet row = query.executeQuery()) {
        return row.next();
      }
    }
  }

  private static PreparedStatement prepare(Connection c, String sql, SecretName name)
      throws SQLException {
    PreparedStatement statement = c.prepareStatement(sql);
    statement.setString(1, SecretSql.tenantColumn(name));
    statement.setString(2, name.name());
    return statement;
  }

  private static void update(Connection c, String sql, SecretName name) throws SQLException {
    try (PreparedStatement statement = prepare(c, sql, name)) {
      statement.executeUpdate();
    }
  }

  private static Instant instant(long seconds, int nanos) {
    return Instant.ofEpochSecond(seconds, nanos);
  }

  private <T> T inTransaction(String what, Jdbc.Work<T> work) {
    if (closed.get()) {
      throw new SecretStoreException("the PostgreSQL secret store is closed");
    }
    try {
      return Jdbc.transaction(dataSource, work);
    } catch (SQLException e) {
      throw new SecretStoreException(what + " failed: SQLSTATE " + e.getSQLState(), e);
    }
  }
}
