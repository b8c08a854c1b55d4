/**
 * Contract test kits for the SPIs of security-core. A backend proves itself by extending {@link
 * dev.tdeveloper.security.testkit.RateLimiterStoreContract} or {@link
 * dev.tdeveloper.security.testkit.KeyManagerContract} in its tests; the in-process store and the
 * local key manager pass the same kits.
 */
package dev.tdeveloper.security.testkit;
