/**
 * Disaster recovery: backup policies, content-defined chunked, deduplicated, compressed and
 * encrypted backups with verification, restore and point-in-time recovery, restore drills, RPO/RTO
 * monitoring and runbooks. Backends implement {@code spi}; {@code internal} is not API.
 */
package dev.tdeveloper.dr;
