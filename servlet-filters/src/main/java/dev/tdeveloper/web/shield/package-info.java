/**
 * A servlet filter putting the security-core {@link dev.tdeveloper.security.shield.AbuseShield} in
 * front of an application: client IP resolution behind trusted proxies, deny lists, bans, heavy
 * hitters and the adaptive concurrency limit, answered as RFC 9457 problems.
 */
package dev.tdeveloper.web.shield;
