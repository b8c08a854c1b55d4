/**
 * The ModSecurity rule language (SecLang): the parser that reads rule files as ModSecurity v3 does
 * (line continuations, quoting, escapes, {@code Include} with globs) and the parsed model ({@link
 * dev.tdeveloper.security.waf.seclang.RuleSet}, {@link
 * dev.tdeveloper.security.waf.seclang.RuleDef}) the engine compiles. Every unknown or unsupported
 * token is an error naming file:line.
 */
package dev.tdeveloper.security.waf.seclang;
