package dev.tdeveloper.backend.postgres;

/**
 * Root of every exception postgres-backend throws for an operational failure: a database that
 * cannot be reached, a tenant without storage, an application role that could bypass row-level
 * security. Invalid arguments are reported with {@link IllegalArgumentException} and {@link
 * NullPointerException}, as the JDK does.
 */
public class PostgresBackendException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message.
   *
   * @param message what went wrong, naming the tenant, role or object involved
   */
  public PostgresBackendException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and a cause.
   *
   * @param message what went wrong, naming the tenant, role or object involved
   * @param cause the underlying failure, usually an {@link java.sql.SQLException}
   */
  public PostgresBackendException(String message, Throwable cause) {
    super(message, cause);
  }
}
