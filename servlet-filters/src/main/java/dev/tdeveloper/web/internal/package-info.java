/**
 * Implementation details shared by the filters of this module. Not part of the public API: types
 * here may change in any release.
 */
package dev.tdeveloper.web.internal;
