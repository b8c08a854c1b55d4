/**
 * Contract test kits for the SPIs of security-core. A backend proves itself by extending {@link
 * dev.tdeveloper.security.testkit.RateLimiterStoreContract} in its tests; the in-process default
 * passes the same kit.
 */
package dev.tdeveloper.security.testkit;
