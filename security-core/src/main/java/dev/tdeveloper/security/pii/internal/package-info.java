/** Implementation details of PII detection and masking; not an API, may change in any release. */
package dev.tdeveloper.security.pii.internal;
