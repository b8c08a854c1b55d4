/** Replication lag per region pair and per tenant, staleness SLOs and their events. */
package dev.tdeveloper.distribution.lag;
