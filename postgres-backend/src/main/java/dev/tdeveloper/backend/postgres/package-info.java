/**
 * The PostgreSQL backend: implementations of the cores' SPIs that share state between instances
 * through PostgreSQL.
 */
package dev.tdeveloper.backend.postgres;
