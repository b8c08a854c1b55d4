/**
 * Detection of SQL injection and cross-site scripting the way libinjection does it (a tokenizer, a
 * folded fingerprint and a fingerprint set; an HTML5-ish tokenizer and blacklists), written from
 * its published design for the {@code @detectSQLi} and {@code @detectXSS} operators of CRS rules
 * 942100, 942101, 941100 and 941101. See {@code docs/waf-libinjection.md}.
 */
package dev.tdeveloper.security.waf.libinjection;
