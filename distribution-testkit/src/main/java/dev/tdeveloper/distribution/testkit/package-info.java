/** SPI contract kits for distribution-core: extend a kit in a backend's tests to prove it. */
package dev.tdeveloper.distribution.testkit;
