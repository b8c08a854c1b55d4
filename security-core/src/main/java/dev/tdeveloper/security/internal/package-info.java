/** Implementation details of security-core; not an API, may change in any release. */
package dev.tdeveloper.security.internal;
