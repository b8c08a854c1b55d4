/**
 * Offline rule testing: {@link dev.tdeveloper.security.waf.replay.WafReplay} reads requests as JSON
 * lines, runs each through a {@link dev.tdeveloper.security.waf.Waf} (the CRS 3.3.4 and/or own rule
 * files) and prints one JSON line per request with the matched rule ids, the inbound anomaly score
 * and the decision. The format is documented in {@code docs/waf-replay.md}.
 */
package dev.tdeveloper.security.waf.replay;
