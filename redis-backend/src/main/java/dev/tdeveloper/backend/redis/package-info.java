/**
 * The Redis backend: implementations of the cores' SPIs that share state between instances through
 * Redis.
 */
package dev.tdeveloper.backend.redis;
