package dev.tdeveloper.backend.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.tdeveloper.tenancy.testkit.servers.LocalPostgres;

/** The HikariCP pools the tests open on the test server; none keeps idle connections. */
public final class TestPools {
  private TestPools() {}

  /** Opens a pool of at most {@code size} connections to {@code url} as {@code user}. */
  public static HikariDataSource open(String url, String user, String password, int size) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(0);
    return new HikariDataSource(config);
  }

  /** Opens a superuser pool of at most {@code size} connections to {@code database}. */
  public static HikariDataSource superuser(LocalPostgres postgres, String database, int size) {
    return open(postgres.jdbcUrl(database), postgres.user(), postgres.password(), size);
  }
}
