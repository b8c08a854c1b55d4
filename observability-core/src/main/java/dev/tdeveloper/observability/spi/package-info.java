/**
 * What a backend implements to share observability state between instances: the alert router's
 * state (notification log and silences) and escalation state. Local-file defaults ship here; the
 * Redis and PostgreSQL backends implement the same SPIs.
 */
package dev.tdeveloper.observability.spi;
