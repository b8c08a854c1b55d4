/** Hybrid logical clocks and version vectors. */
package dev.tdeveloper.distribution.clock;
