/**
 * Contract test kits for observability-core's SPIs: a backend extends a kit and supplies its
 * implementation; the kit's tests prove it behaves as the SPI's Javadoc says.
 */
package dev.tdeveloper.observability.testkit;
