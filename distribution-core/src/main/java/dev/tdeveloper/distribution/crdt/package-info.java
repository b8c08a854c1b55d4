/** Delta-state CRDTs (counters, registers, sets, maps) and their binary and JSON encodings. */
package dev.tdeveloper.distribution.crdt;
