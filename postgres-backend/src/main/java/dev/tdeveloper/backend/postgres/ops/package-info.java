/**
 * PostgreSQL state stores for observability-core: the alert router's notification log and silences,
 * and the escalator's per-incident state, shared by every instance on the database.
 */
package dev.tdeveloper.backend.postgres.ops;
