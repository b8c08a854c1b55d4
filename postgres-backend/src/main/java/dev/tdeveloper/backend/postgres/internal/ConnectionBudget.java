package dev.tdeveloper.backend.postgres.internal;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A cap on the physical connections that several pools hold open together. Each pool connects
 * through {@link #dataSource}: a connection is opened only with a permit, and its permit comes back
 * when the pool closes it. When none is left, {@code reclaim} asks the other pools to close their
 * idle connections (and to close busy ones when they are returned rather than keep them), and the
 * caller waits for a permit up to {@code maxWait}.
 *
 * <p>Thread-safe.
 */
public final class ConnectionBudget {
  private static final long RECLAIM_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

  private final int size;
  private final Semaphore permits;
  private final long maxWaitNanos;

  /**
   * Creates a budget.
   *
   * @param size how many physical connections may be open at once, at least 1
   * @param maxWaitMillis how long opening a connection waits for a permit
   */
  public ConnectionBudget(int size, long maxWaitMillis) {
    if (size < 1) {
      throw new IllegalArgumentException("size must be at least 1, was " + size);
    }
    this.size = size;
    this.permits = new Semaphore(size, true);
    this.maxWaitNanos = TimeUnit.MILLISECONDS.toNanos(maxWaitMillis);
  }

  /** Returns how many physical connections are open now. */
  public int inUse() {
    return size - permits.availablePermits();
  }

  /**
   * Returns a data source that opens connections through {@code physical} within this budget.
   *
   * @param reclaim called when no permit is left, to make the other pools give theirs back
   */
  public DataSource dataSource(DataSource physical, Runnable reclaim) {
    return new Budgeted(physical, reclaim);
  }

  private Connection open(Opener opener, Runnable reclaim) throws SQLException {
    acquire(reclaim);
    Connection connection;
    try {
      connection = opener.open();
    } catch (SQLException | RuntimeException e) {
      permits.release();
      throw e;
    }
    AtomicBoolean released = new AtomicBoolean();
    return (Connection)
        Proxy.newProxyInstance(
            ConnectionBudget.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              String name = method.getName();
              if (name.equals("equals")) {
                return proxy == args[0];
              }
              if (name.equals("hashCode")) {
                return System.identityHashCode(proxy);
              }
              try {
                return method.invoke(connection, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              } finally {
                if ((name.equals("close") || name.equals("abort"))
                    && released.compareAndSet(false, true)) {
                  permits.release();
                }
              }
            });
  }

  private void acquire(Runnable reclaim) throws SQLException {
    if (permits.tryAcquire()) {
      return;
    }
    long deadline = System.nanoTime() + maxWaitNanos;
    try {
      long left = maxWaitNanos;
      do {
        reclaim.run();
        if (permits.tryAcquire(Math.min(left, RECLAIM_EVERY_NANOS), TimeUnit.NANOSECONDS)) {
          return;
        }
        left = deadline - System.nanoTime();
      } while (left > 0);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLTransientConnectionException("interrupted waiting for a connection", "08001", e);
    }
    throw new SQLTransientConnectionException(
        "the connection budget of "
            + size
            + " connections across tenant pools is used up: every one is busy",
        "53300");
  }

  private interface Opener {
    Connection open() throws SQLException;
  }

  /** The data source a pool connects through. */
  private final class Budgeted implements DataSource {
    private final DataSource physical;
    private final Runnable reclaim;

    Budgeted(DataSource physical, Runnable reclaim) {
      this.physical = physical;
      this.reclaim = reclaim;
    }

    @Override
    public Connection getConnection() throws SQLException {
      return open(physical::getConnection, reclaim);
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
      return open(() -> physical.getConnection(user, password), reclaim);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
      return physical.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
      physical.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
      physical.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
      return physical.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      return physical.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
      return physical.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
      return physical.isWrapperFor(type);
    }
  }
}
