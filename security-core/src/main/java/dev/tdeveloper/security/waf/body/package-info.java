/**
 * Request body processors as ModSecurity v3 runs them, found through {@link
 * dev.tdeveloper.security.waf.body.BodyProcessors}: URL-encoded, multipart (strict, with every
 * {@code MULTIPART_*} flag), JSON (flattened to arguments named as libmodsecurity3 names them:
 * {@code json.a.b}, {@code json.list.array_0}) and XML (a hardened parser: no DTDs, no external
 * entities, XPath selection). Each turns bytes into arguments, files, flags and an error message,
 * never an exception, with work linear in the body.
 */
package dev.tdeveloper.security.waf.body;
