/**
 * Binding the current tenant to a thread for a scope, and carrying that binding across executors
 * and asynchronous stages so work done on behalf of a tenant always knows whose it is.
 */
package dev.tdeveloper.tenancy.context;
