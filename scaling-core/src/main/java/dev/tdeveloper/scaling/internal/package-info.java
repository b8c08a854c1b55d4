/**
 * Implementation details shared by the packages of scaling-core. Not an API: anything here may
 * change in any release without notice.
 */
package dev.tdeveloper.scaling.internal;
