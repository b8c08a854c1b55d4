/**
 * Global distribution: the region model and {@code regions.yaml} ({@code region}), region and
 * endpoint routing ({@code routing}), health from several vantage points and outlier ejection
 * ({@code health}), hybrid logical clocks and version vectors ({@code clock}), delta CRDTs ({@code
 * crdt}), replication over the {@link dev.tdeveloper.distribution.spi.ReplicationChannel} SPI and
 * its simulator ({@code replication}), replication lag ({@code lag}), data residency ({@code
 * residency}) and per-tenant edge caching ({@code edge}). This module decides and merges; the data
 * itself replicates through the engines the backends use. Backends implement {@code spi}.
 */
package dev.tdeveloper.distribution;
