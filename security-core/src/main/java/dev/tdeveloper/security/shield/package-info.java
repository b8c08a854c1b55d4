/**
 * The abuse and DDoS shield: IP address ranges, client IP resolution behind trusted proxies,
 * bounded-memory heavy-hitter detection, temporary bans with exponential backoff, an adaptive
 * (AIMD) concurrency limit, and the {@link dev.tdeveloper.security.shield.AbuseShield} facade that
 * puts them in order in front of a service.
 */
package dev.tdeveloper.security.shield;
