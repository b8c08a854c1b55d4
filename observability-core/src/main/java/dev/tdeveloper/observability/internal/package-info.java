/**
 * Implementation details shared by the packages of observability-core, such as the
 * problem-collecting YAML tree reader behind the configuration loaders. Not an API: anything here
 * may change in any release without notice.
 */
package dev.tdeveloper.observability.internal;
