/**
 * Implementation detail of postgres-backend: naming of tenant schemas and databases, JDBC URL
 * rewriting, the SQL texts and the tenant-bound connection. Not an API; may change in any release.
 */
package dev.tdeveloper.backend.postgres.internal;
