package dev.tdeveloper.distribution.residency;

/** What a region would do with a tenant's data; a residency policy allows each separately. */
public enum DataPurpose {
  /** Keeping the primary copy (writes land here). */
  STORAGE,
  /** Handling requests that read or compute on the data, without keeping it. */
  PROCESSING,
  /** Keeping a replica (for reads nearby or disaster recovery). */
  REPLICA
}
