/**
 * The SecLang transformations ({@code t:} actions) on byte strings, by name, each as ModSecurity v3
 * defines it.
 */
package dev.tdeveloper.security.waf.transform;
