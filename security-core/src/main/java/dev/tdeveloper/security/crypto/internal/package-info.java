/** Implementation of envelope encryption: formats, caches and streams. Not a public API. */
package dev.tdeveloper.security.crypto.internal;
