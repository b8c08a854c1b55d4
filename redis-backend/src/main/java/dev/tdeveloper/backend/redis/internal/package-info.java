/**
 * Implementation detail shared by the Redis backend's packages: reading provider settings without
 * echoing secrets, the connection settings of the builders, the lazily opened connection and the
 * Lua script runner. Not an API: it may change in any release.
 */
package dev.tdeveloper.backend.redis.internal;
