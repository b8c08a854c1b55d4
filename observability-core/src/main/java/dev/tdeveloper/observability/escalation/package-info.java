/**
 * Escalation policies (levels with targets and delays, repeated), acknowledgement and resolution
 * that stop escalation, and weekly on-call rotations with overrides in a time zone.
 */
package dev.tdeveloper.observability.escalation;
