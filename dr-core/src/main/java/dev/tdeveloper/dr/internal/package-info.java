/** Implementation details of dr-core; not API, may change in any release. */
package dev.tdeveloper.dr.internal;
