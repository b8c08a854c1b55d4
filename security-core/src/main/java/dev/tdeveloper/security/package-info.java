/**
 * Traffic protection and data security for a multi-tenant service. This package holds the module's
 * exception root, {@link dev.tdeveloper.security.SecurityCoreException}; capabilities live in
 * sub-packages ({@code ratelimit}, {@code shield}, {@code tls}, {@code cert}).
 */
package dev.tdeveloper.security;
