/**
 * Contract kits for dr-core backends: extend the abstract test of an SPI and return your
 * implementation, and the kit proves it behaves like the local default.
 */
package dev.tdeveloper.dr.testkit;
