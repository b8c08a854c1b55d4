/**
 * The rule evaluator with ModSecurity v3 semantics and the per-transaction state it reads: request
 * and response data, variables, collections ({@code TX}, {@code IP}, {@code GLOBAL}, ...) and macro
 * expansion.
 */
package dev.tdeveloper.security.waf.engine;
