/**
 * The SecLang operators ({@code @rx}, {@code @pm}, {@code @ipMatch}, ...), created from a parsed
 * {@link dev.tdeveloper.security.waf.seclang.OperatorRef} once at load time and evaluated per
 * target value.
 */
package dev.tdeveloper.security.waf.operator;
