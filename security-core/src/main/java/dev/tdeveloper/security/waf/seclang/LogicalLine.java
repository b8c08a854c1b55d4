package dev.tdeveloper.security.waf.seclang;

/**
 * One directive's text after line continuations were joined, and the line it starts on.
 *
 * @param text the joined text, continuation backslashes and their line ends removed
 * @param line the 1-based physical line the directive starts on
 */
record LogicalLine(String text, int line) {}
