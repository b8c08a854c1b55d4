/**
 * Implementation detail of postgres-backend: naming of tenant schemas and databases, JDBC URL
 * rewriting, the SQL texts, the tenant-bound connection and the session reset, DATABASE mode's
 * bounded tenant pools and connection budget, and the providers' settings. Not an API; may change
 * in any release.
 */
package dev.tdeveloper.backend.postgres.internal;
