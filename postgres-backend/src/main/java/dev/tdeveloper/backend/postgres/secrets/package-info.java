/**
 * Secrets on PostgreSQL: {@link dev.tdeveloper.backend.postgres.secrets.PostgresSecretStore}
 * (security-core's {@code SecretStore}, values sealed by envelope encryption) and {@link
 * dev.tdeveloper.backend.postgres.secrets.PostgresRoleRotationTarget}, which lets the core's
 * four-step {@code SecretRotator} rotate the passwords of PostgreSQL login roles.
 */
package dev.tdeveloper.backend.postgres.secrets;
