/**
 * Regexes that cannot hang a request: CRS patterns run on a linear-time engine (RE2/J) where their
 * syntax allows, and on {@link java.util.regex} with a step budget where they need backtracking
 * features; a literal prefilter computed from the pattern skips the regex when a match is
 * impossible, and a lazily built DFA answers whether a linear pattern matches, leaving RE2/J the
 * groups of a match.
 */
package dev.tdeveloper.security.waf.regex;
