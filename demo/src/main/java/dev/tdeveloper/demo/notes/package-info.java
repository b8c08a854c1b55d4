/**
 * The demo's notes API and its per-tenant data: one append-only journal per tenant under {@code
 * <data>/notes}, every note's text sealed with the tenant's key.
 */
package dev.tdeveloper.demo.notes;
