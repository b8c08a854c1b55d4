package dev.tdeveloper.backend.postgres.internal;

import com.zaxxer.hikari.HikariDataSource;
import dev.tdeveloper.tenancy.TenantId;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The per-tenant pools of DATABASE mode, bounded three ways: at most {@code maxPools} open, the
 * least recently checked out retired first; each pool's own maximum size; and a {@link
 * ConnectionBudget} over the physical connections of all of them, so that one tenant's burst can
 * take its pool's maximum but never every connection.
 *
 * <p>A retired pool (evicted, or removed by {@link #retire}) hands out nothing more and closes once
 * its last connection is returned: no connection is ever closed under its user. Its tenant's next
 * checkout opens a new pool.
 *
 * <p>Thread-safe. Pools open outside the lock, so a slow database delays only its own tenant.
 */
public final class TenantPools implements AutoCloseable {
  private final int maxPools;
  private final ConnectionBudget budget;
  private final Opener opener;
  private final Function<TenantId, DataSource> connector;
  private final LinkedHashMap<TenantId, TenantPool> open = new LinkedHashMap<>(16, 0.75f, true);
  private boolean closed;

  /**
   * Creates the pools; none is opened yet.
   *
   * @param maxPools how many tenant pools may be open at once
   * @param budget the cap on physical connections across them
   * @param connector the physical data source of a tenant's database, by tenant
   * @param opener opens a tenant's HikariCP pool over the budgeted data source it is given
   */
  public TenantPools(
      int maxPools,
      ConnectionBudget budget,
      Function<TenantId, DataSource> connector,
      Opener opener) {
    this.maxPools = maxPools;
    this.budget = Objects.requireNonNull(budget, "budget");
    this.connector = Objects.requireNonNull(connector, "connector");
    this.opener = Objects.requireNonNull(opener, "opener");
  }

  /**
   * Returns a connection from {@code tenant}'s pool, opening the pool if needed. Closing the
   * connection resets its session and returns it.
   *
   * @throws SQLException if no connection can be had within the pool's connection timeout
   */
  public Connection getConnection(TenantId tenant) throws SQLException {
    TenantPool pool;
    List<TenantPool> evicted = new ArrayList<>();
    synchronized (this) {
      if (closed) {
        throw new SQLException("TenantDataSource is closed", "08003");
      }
      pool = open.get(tenant);
      if (pool == null) {
        pool = new TenantPool(tenant);
        open.put(tenant, pool);
        Iterator<TenantPool> eldest = open.values().iterator();
        while (open.size() > maxPools) {
          evicted.add(eldest.next());
          eldest.remove();
        }
      }
      pool.lease();
    }
    evicted.forEach(TenantPool::retire);
    try {
      HikariDataSource dataSource = pool.dataSource();
      return PooledConnection.wrap(dataSource.getConnection(), dataSource, pool::release);
    } catch (SQLException | RuntimeException e) {
      pool.release();
      if (!pool.isOpen()) {
        forget(pool);
      }
      throw e;
    }
  }

  /** Retires {@code tenant}'s pool, if open: it closes once its connections are returned. */
  public void retire(TenantId tenant) {
    TenantPool pool;
    synchronized (this) {
      pool = open.remove(tenant);
    }
    if (pool != null) {
      pool.retire();
    }
  }

  /** Returns how many tenant pools are open (retired ones still lent out included). */
  public synchronized int openPools() {
    return open.size();
  }

  /** Returns how many physical connections are open across the pools. */
  public int openConnections() {
    return budget.inUse();
  }

  /** Closes every pool now; connections handed out fail afterwards. */
  @Override
  public void close() {
    List<TenantPool> pools;
    synchronized (this) {
      closed = true;
      pools = new ArrayList<>(open.values());
      open.clear();
    }
    pools.forEach(TenantPool::closeNow);
  }

  private synchronized void forget(TenantPool pool) {
    open.remove(pool.tenant, pool);
  }

  /** Asks every pool but {@code except} to give back its idle connections, coldest first. */
  private void reclaim(TenantPool except) {
    List<TenantPool> others;
    synchronized (this) {
      others = new ArrayList<>(open.values());
    }
    for (TenantPool other : others) {
      if (other != except) {
        other.shed();
      }
    }
  }

  /** Opens a tenant's pool over the budgeted data source it is given, and checks it. */
  @FunctionalInterface
  public interface Opener {
    /**
     * Opens the pool.
     *
     * @throws SQLException if the connection budget stays used up
     */
    HikariDataSource open(TenantId tenant, DataSource budgeted) throws SQLException;
  }

  /** One tenant's pool and the connections lent from it. */
  private final class TenantPool {
    final TenantId tenant;
    // volatile: shed() reads it without the lock, which an opening pool holds while it waits
    private volatile HikariDataSource dataSource;
    private int leases;
    private boolean retired;
    private boolean shut;

    TenantPool(TenantId tenant) {
      this.tenant = tenant;
    }

    synchronized void lease() {
      leases++;
    }

    synchronized HikariDataSource dataSource() throws SQLException {
      if (shut) {
        throw new SQLException("the pool of tenant '" + tenant + "' is closed", "08003");
      }
      if (dataSource == null) {
        dataSource =
            opener.open(tenant, budget.dataSource(connector.apply(tenant), () -> reclaim(this)));
      }
      return dataSource;
    }

    synchronized boolean isOpen() {
      return dataSource != null;
    }

    synchronized void release() {
      leases--;
      if (retired && leases == 0) {
        closeNow();
      }
    }

    synchronized void retire() {
      retired = true;
      if (leases == 0) {
        closeNow();
      }
    }

    /** Closes idle connections now and busy ones when they come back. */
    void shed() {
      HikariDataSource current = dataSource;
      if (current != null && !current.isClosed()) {
        current.getHikariPoolMXBean().softEvictConnections();
      }
    }

    synchronized void closeNow() {
      shut = true;
      if (dataSource != null) {
        dataSource.close();
      }
    }
  }

  @Override
  public String toString() {
    return "TenantPools[open=" + openPools() + "/" + maxPools + "]";
  }
}
