package dev.tdeveloper.tenancy;

/** How a tenant's data is separated from other tenants' in the data store. */
public enum IsolationMode {
  /** A database (or cluster) of its own: strongest isolation, highest cost. */
  DATABASE,
  /** A schema of its own inside a shared database. */
  SCHEMA,
  /** Shared tables; every row carries the tenant id and every query filters on it. */
  ROW
}
