/**
 * Ready-made backup sources: a directory tree, the standard output of a dump command, and a
 * tenant's records exported from a {@code TenantDataStore}.
 */
package dev.tdeveloper.dr.source;
