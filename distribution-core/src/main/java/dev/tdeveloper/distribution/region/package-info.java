/**
 * The region model: regions, zones, endpoints, jurisdictions, coordinates and the catalog;
 * `regions.yaml`.
 */
package dev.tdeveloper.distribution.region;
