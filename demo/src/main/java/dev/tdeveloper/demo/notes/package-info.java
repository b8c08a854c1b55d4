/** The demo's notes API and its per-tenant data. */
package dev.tdeveloper.demo.notes;
