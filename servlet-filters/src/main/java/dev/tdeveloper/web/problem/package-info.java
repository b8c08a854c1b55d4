/**
 * RFC 9457 problem details: the {@link dev.tdeveloper.web.problem.ProblemDetails} value and the
 * {@link dev.tdeveloper.web.problem.ProblemWriter} that sends it as {@code
 * application/problem+json}. Every filter of this module answers its rejections this way.
 */
package dev.tdeveloper.web.problem;
