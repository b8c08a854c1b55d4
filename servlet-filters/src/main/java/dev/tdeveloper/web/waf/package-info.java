/**
 * A servlet filter running the security-core web application firewall ({@link
 * dev.tdeveloper.security.waf.Waf}, the OWASP CRS 3.3.4) around an application: request phases
 * before it, response phases on its buffered answer, refusals as RFC 9457 problems.
 */
package dev.tdeveloper.web.waf;
