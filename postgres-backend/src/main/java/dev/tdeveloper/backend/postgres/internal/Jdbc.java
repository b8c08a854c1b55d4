package dev.tdeveloper.backend.postgres.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Transactions, statement lists and the exact storage of instants shared by the stores. */
public final class Jdbc {
  private Jdbc() {}

  /** Work on a connection inside a transaction. */
  @FunctionalInterface
  public interface Work<T> {
    /**
     * Does the work.
     *
     * @throws SQLException to roll the transaction back
     */
    T run(Connection connection) throws SQLException;
  }

  /**
   * Runs {@code work} in one transaction on a connection of {@code dataSource}: committed when it
   * returns, rolled back when it throws. The connection's autocommit setting is restored.
   *
   * @throws SQLException if the work or the commit fails
   */
  public static <T> T transaction(DataSource dataSource, Work<T> work) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    }
  }

  /**
   * Runs {@code statements} (without parameters, such as DDL) on {@code connection} in order.
   *
   * @throws SQLException at the first that fails; the rest are not run
   */
  public static void executeAll(Connection connection, List<String> statements)
      throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  /**
   * Binds {@code instant} exactly, as a {@code numeric} of epoch seconds with nine decimals: a
   * {@code timestamptz} keeps only microseconds, and these columns must give back what was saved.
   */
  public static void setInstant(PreparedStatement statement, int index, Instant instant)
      throws SQLException {
    statement.setBigDecimal(
        index,
        BigDecimal.valueOf(instant.getEpochSecond()).add(BigDecimal.valueOf(instant.getNano(), 9)));
  }

  /** Binds an optional instant; empty is SQL {@code NULL}. */
  public static void setInstant(PreparedStatement statement, int index, Optional<Instant> instant)
      throws SQLException {
    if (instant.isPresent()) {
      setInstant(statement, index, instant.get());
    } else {
      statement.setNull(index, java.sql.Types.NUMERIC);
    }
  }

  /** Reads an instant bound by {@link #setInstant}; empty for SQL {@code NULL}. */
  public static Optional<Instant> instant(ResultSet row, int column) throws SQLException {
    BigDecimal value = row.getBigDecimal(column);
    if (value == null) {
      return Optional.empty();
    }
    BigDecimal seconds = value.setScale(0, RoundingMode.FLOOR);
    int nanos = value.subtract(seconds).movePointRight(9).intValueExact();
    return Optional.of(Instant.ofEpochSecond(seconds.longValueExact(), nanos));
  }

  /** Reads a non-null instant bound by {@link #setInstant}. */
  public static Instant requiredInstant(ResultSet row, int column) throws SQLException {
    return instant(row, column)
        .orElseThrow(() -> new SQLException("column " + column + " is null", "22004"));
  }

  /** Binds an optional text; empty is SQL {@code NULL}. */
  public static void setText(PreparedStatement statement, int index, Optional<String> text)
      throws SQLException {
    statement.setString(index, text.orElse(null));
  }

  /** Returns whether {@code e} is a unique or exclusion violation (SQLSTATE 23505). */
  public static boolean isUniqueViolation(SQLException e) {
    return "23505".equals(e.getSQLState());
  }
}
