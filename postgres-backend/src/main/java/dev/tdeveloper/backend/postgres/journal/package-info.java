/**
 * PostgreSQL journals for tenancy-core: the provisioning sagas' progress and the tenant migrations'
 * progress, durable per committed write and shared by every instance on the database.
 */
package dev.tdeveloper.backend.postgres.journal;
