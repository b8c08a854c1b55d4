/**
 * Envelope encryption (AES-256-GCM data keys wrapped by per-tenant, versioned key encryption keys),
 * chunked streaming encryption, key rotation, rewrapping and crypto-shredding.
 */
package dev.tdeveloper.security.crypto;
