package dev.tdeveloper.backend.postgres.lease;

import dev.tdeveloper.backend.postgres.internal.StateTable;
import java.time.InstantSource;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Configures a {@link PostgresJobLease}; from {@link PostgresJobLease#builder}. Each setting may be
 * given once; a second call throws {@link IllegalStateException}. Not thread-safe; {@link #build()}
 * copies the settings.
 */
public final class PostgresJobLeaseBuilder {
  final DataSource dataSource;
  final AutoCloseable owned;
  StateTable table;
  InstantSource frozenClock;

  PostgresJobLeaseBuilder(DataSource dataSource, AutoCloseable owned) {
    this.dataSource = dataSource;
    this.owned = owned;
  }

  /**
   * Sets the lease table given to {@link PostgresJobLease#install} (default {@value
   * PostgresJobLease#DEFAULT_TABLE} in the connection's current schema).
   *
   * @throws NullPointerException if {@code table} is null
   * @throws IllegalArgumentException if it is not {@code name} or {@code schema.name} of lowercase
   *     identifiers, with a name of at most 48 characters
   * @throws IllegalStateException if already set
   */
  public PostgresJobLeaseBuilder table(String table) {
    StateTable parsed = StateTable.parse("table", table);
    if (this.table != null) {
      throw new IllegalStateException("table was already set to " + this.table.given());
    }
    this.table = parsed;
    return this;
  }

  /** Tests only: decide by this clock instead of the server's {@code clock_timestamp()}. */
  PostgresJobLeaseBuilder frozenClockForTests(InstantSource clock) {
    this.frozenClock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /** Builds the leases; they connect on first use. */
  public PostgresJobLease build() {
    if (table == null) {
      table = StateTable.parse("table", PostgresJobLease.DEFAULT_TABLE);
    }
    return new PostgresJobLease(this);
  }
}
