/**
 * Request body processors as ModSecurity v3 runs them: URL-encoded, multipart (strict, with the
 * {@code MULTIPART_*} flags), JSON (flattened to {@code json.a.b} arguments) and XML (a hardened
 * parser: no DTDs, no external entities). Each turns bytes into arguments, files and error flags,
 * never an exception.
 */
package dev.tdeveloper.security.waf.body;
