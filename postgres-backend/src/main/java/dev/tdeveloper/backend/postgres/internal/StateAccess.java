package dev.tdeveloper.backend.postgres.internal;

import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

/**
 * How a state store reaches its table: transactions on its data source that fail with the store's
 * own exception naming the table, refused once the store is closed, and the closing of a data
 * source the store owns. Thread-safe.
 */
public final class StateAccess {
  /** Makes the store's exception. */
  @FunctionalInterface
  public interface Failure {
    /** Returns the exception to throw for {@code message}; {@code cause} may be null. */
    RuntimeException of(String message, Throwable cause);
  }

  private final DataSource dataSource;
  private final Optional<AutoCloseable> owned;
  private final String what;
  private final Failure failure;
  private final AtomicBoolean closed = new AtomicBoolean();

  /**
   * Creates the access.
   *
   * @param dataSource connections as the application role
   * @param owned what {@link #close} closes, if the store owns its data source
   * @param what the store and its table, for messages ({@code "migration journal ops.m"})
   * @param failure makes the store's exception
   */
  public StateAccess(
      DataSource dataSource, Optional<AutoCloseable> owned, String what, Failure failure) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.owned = Objects.requireNonNull(owned, "owned");
    this.what = Objects.requireNonNull(what, "what");
    this.failure = Objects.requireNonNull(failure, "failure");
  }

  /**
   * Runs {@code work} in one transaction ({@link Jdbc#transaction}); what it throws unchecked
   * passes through.
   *
   * @param action what the work does, for messages ({@code "read"})
   * @throws RuntimeException of the store's type if closed or if the database fails
   */
  public <T> T run(String action, Jdbc.Work<T> work) {
    if (closed.get()) {
      throw failure.of(what + " is closed", null);
    }
    try {
      return Jdbc.transaction(dataSource, work);
    } catch (SQLException e) {
      throw failure.of("could not " + action + " " + what + ": " + e.getMessage(), e);
    }
  }

  /**
   * Runs {@code work} as {@link #run} does, where an {@link IllegalArgumentException} means a row
   * that does not decode: it is thrown as the store's exception too.
   */
  public <T> T runDecoding(String action, Jdbc.Work<T> work) {
    try {
      return run(action, work);
    } catch (IllegalArgumentException e) {
      throw failure.of(what + " holds a row that is not valid: " + e.getMessage(), e);
    }
  }

  /**
   * Refuses further work and closes the owned data source, if any. Idempotent.
   *
   * @throws RuntimeException of the store's type if the data source fails to close
   */
  public void close() {
    if (closed.compareAndSet(false, true) && owned.isPresent()) {
      try {
        owned.get().close();
      } catch (Exception e) {
        throw failure.of("could not close the data source of " + what, e);
      }
    }
  }
}
