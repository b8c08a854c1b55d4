/**
 * The local default key manager: per-tenant KEK versions sealed under a master key (from a file or
 * an environment variable) in a crash-safe journal, for one machine.
 */
package dev.tdeveloper.security.crypto.local;
