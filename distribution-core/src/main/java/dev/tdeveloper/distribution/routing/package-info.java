/**
 * Choosing a region and endpoint for a request: residency filter, health filter, then a Route
 * 53-style policy; every decision carries its reasons.
 */
package dev.tdeveloper.distribution.routing;
