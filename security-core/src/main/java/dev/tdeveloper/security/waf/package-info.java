/**
 * A pure-Java web application firewall engine that runs the OWASP Core Rule Set (CRS) 3.3.4
 * unchanged: a SecLang parser ({@code waf.seclang}), the rule evaluator with ModSecurity v3
 * semantics ({@code waf.engine}), operators, transformations, body processors and a linear-time
 * regex layer. Users build a {@link dev.tdeveloper.security.waf.Waf} from rule files and run one
 * {@link dev.tdeveloper.security.waf.WafTransaction} per request.
 *
 * <p><b>Byte strings.</b> ModSecurity inspects bytes. Every value the engine handles (URI,
 * arguments, headers, bodies, transformation results, operator inputs) is a Java {@code String}
 * holding one {@code char} per byte, 0 to 255 (the raw bytes decoded as ISO-8859-1). Regexes with
 * {@code \xNN}, {@code @validateUtf8Encoding} and {@code @validateByteRange} therefore see exactly
 * what ModSecurity sees; {@link dev.tdeveloper.security.waf.ByteStrings} converts.
 */
package dev.tdeveloper.security.waf;
