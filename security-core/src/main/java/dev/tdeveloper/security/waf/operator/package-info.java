/**
 * The SecLang operators ({@code @rx}, {@code @pm}, {@code @ipMatch}, ...), created by {@link
 * dev.tdeveloper.security.waf.operator.Operators} from a parsed {@link
 * dev.tdeveloper.security.waf.seclang.OperatorRef} once at load time and evaluated per target
 * value; {@link dev.tdeveloper.security.waf.operator.GeoLookup} and {@link
 * dev.tdeveloper.security.waf.operator.DnsBlocklist} are the services {@code @geoLookup} and
 * {@code @rbl} ask.
 */
package dev.tdeveloper.security.waf.operator;
