package dev.tdeveloper.backend.postgres.internal;

import com.zaxxer.hikari.HikariDataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A connection lent from a tenant's own pool (DATABASE mode): used as the pool gives it, autocommit
 * included, but on {@code close} it rolls back what is uncommitted, resets the session ({@link
 * SessionReset}) and then tells its pool it is back, so that a retired pool can close. A connection
 * that cannot be reset is evicted from the pool instead.
 *
 * <p>Not thread-safe, like any JDBC connection.
 */
public final class PooledConnection implements InvocationHandler {
  private final Connection physical;
  private final HikariDataSource pool;
  private final Runnable returned;
  private boolean closed;

  private PooledConnection(Connection physical, HikariDataSource pool, Runnable returned) {
    this.physical = physical;
    this.pool = pool;
    this.returned = returned;
  }

  /**
   * Returns the proxy the application sees.
   *
   * @param physical a connection from {@code pool}
   * @param pool the pool, to evict a connection that cannot be reset
   * @param returned runs once when the connection has gone back to its pool
   */
  public static Connection wrap(Connection physical, HikariDataSource pool, Runnable returned) {
    return (Connection)
        Proxy.newProxyInstance(
            PooledConnection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            new PooledConnection(physical, pool, returned));
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    int arity = args == null ? 0 : args.length;
    switch (method.getName()) {
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
        return "TenantPooledConnection[" + physical + "]";
      default:
        break;
    }
    if (closed) {
      throw new SQLException("connection is closed", "08003");
    }
    try {
      return method.invoke(physical, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      SessionReset.rollbackAndReset(physical);
    } catch (SQLException | RuntimeException e) {
      pool.evictConnection(physical);
    } finally {
      try {
        physical.close();
      } catch (SQLException ignored) {
        // Evicted or already closed by the pool: its slot is free either way.
      } finally {
        returned.run();
      }
    }
  }
}
