/**
 * Point-in-time recovery on PostgreSQL: {@link
 * dev.tdeveloper.backend.postgres.pitr.PostgresChangeJournal}, dr-core's {@code ChangeJournal} in
 * two tables, numbered without gaps per scope across instances.
 */
package dev.tdeveloper.backend.postgres.pitr;
