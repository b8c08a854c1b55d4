package dev.tdeveloper.backend.postgres.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.function.Consumer;

/**
 * A pooled connection bound to one tenant for as long as it is checked out. It stays in
 * manual-commit mode and binds every transaction it starts with transaction-local {@code
 * set_config} calls: once when handed out and again after each {@code commit} and {@code rollback}.
 * Nothing is bound at session level, so nothing survives the transaction; on {@code close} it rolls
 * back and resets the session ({@link SessionReset}: held cursors, settings, locks, prepared
 * statements made by SQL) before the connection returns to the pool, and a connection that cannot
 * be reset is evicted instead.
 *
 * <p>Not thread-safe, like any JDBC connection.
 */
public final class BoundConnection implements InvocationHandler {
  private final Connection physical;
  private final String bindSql;
  private final String[] bindValues;
  private final Consumer<Connection> evict;
  private boolean closed;

  private BoundConnection(
      Connection physical, String bindSql, String[] bindValues, Consumer<Connection> evict) {
    this.physical = physical;
    this.bindSql = bindSql;
    this.bindValues = bindValues;
    this.evict = evict;
  }

  /**
   * Binds {@code physical} and returns the proxy the application sees.
   *
   * @param physical a pooled connection in manual-commit mode
   * @param bindSql {@link Sql#BIND} or {@link Sql#BIND_WITH_SCHEMA}
   * @param bindValues its parameters
   * @param evict removes a connection that could not be bound or reset from the pool
   * @throws SQLException if binding fails; the connection is then evicted
   */
  public static Connection bind(
      Connection physical, String bindSql, String[] bindValues, Consumer<Connection> evict)
      throws SQLException {
    BoundConnection handler = new BoundConnection(physical, bindSql, bindValues.clone(), evict);
    try {
      if (physical.getAutoCommit()) {
        physical.setAutoCommit(false);
      }
      handler.bindTransaction();
    } catch (SQLException | RuntimeException e) {
      handler.discard();
      throw e;
    }
    return (Connection)
        Proxy.newProxyInstance(
            BoundConnection.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
  }

  private void bindTransaction() throws SQLException {
    try (PreparedStatement statement = physical.prepareStatement(bindSql)) {
      for (int i = 0; i < bindValues.length; i++) {
        statement.setString(i + 1, bindValues[i]);
      }
      statement.execute();
    }
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    String name = method.getName();
    int arity = args == null ? 0 : args.length;
    switch (name) {
      case "close":
        if (arity == 0) {
          close();
          return null;
        }
        break;
      case "isClosed":
        if (arity == 0) {
          return closed || physical.isClosed();
        }
        break;
      case "setAutoCommit":
        if (Boolean.TRUE.equals(args[0])) {
          throw new SQLException(
              "a tenant-bound connection stays in manual-commit mode: every transaction must"
                  + " be bound to the tenant, so autocommit cannot be switched on; commit() or"
                  + " rollback() ends a transaction and the next one is bound again",
              "25000");
        }
        requireOpen();
        return null;
      case "commit":
      case "rollback":
        requireOpen();
        if (arity == 0) {
          invokeOn(method, args);
          bindTransaction();
          return null;
        }
        break;
      case "unwrap":
        if (((Class<?>) args[0]).isInstance(proxy)) {
          return proxy;
        }
        break;
      case "isWrapperFor":
        if (((Class<?>) args[0]).isInstance(proxy)) {
          return true;
        }
        break;
      case "equals":
        return proxy == args[0];
      case "hashCode":
        return System.identityHashCode(proxy);
      case "toString":
        return "TenantBoundConnection[" + physical + "]";
      default:
        break;
    }
    requireOpen();
    return invokeOn(method, args);
  }

  private Object invokeOn(Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(physical, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private void requireOpen() throws SQLException {
    if (closed) {
      throw new SQLException("connection is closed", "08003");
    }
  }

  private void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      SessionReset.rollbackAndReset(physical);
      physical.close();
    } catch (SQLException | RuntimeException e) {
      discard();
    }
  }

  /** Evicts the physical connection: it might still hold a binding or session state. */
  private void discard() {
    try {
      evict.accept(physical);
    } finally {
      try {
        physical.close();
      } catch (SQLException ignored) {
        // Already evicted; closing only returns the proxy's slot.
      }
    }
  }
}
