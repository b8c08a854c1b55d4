/**
 * Implementation details shared by the suite's modules. Not an API: anything here may change in any
 * release without notice.
 */
package dev.tdeveloper.tenancy.internal;
