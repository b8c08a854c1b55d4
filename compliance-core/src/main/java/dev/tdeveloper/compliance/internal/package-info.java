/** Implementation details of compliance-core; not API, may change in any release. */
package dev.tdeveloper.compliance.internal;
