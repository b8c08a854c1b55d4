/**
 * Evaluation of PII detection: a seeded generator of labelled texts (templates times values, with
 * hard negatives) and precision, recall and F2 per entity, in the manner of Presidio's evaluator.
 */
package dev.tdeveloper.security.pii.eval;
