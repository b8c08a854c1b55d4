/**
 * Recovery objectives: {@link dev.tdeveloper.dr.objectives.RecoveryObjectivesMonitor} tracks the
 * live RPO (time since the last verified recovery point) and the RTO (the last successful drill's
 * duration) per scope and source, and publishes breach and recovery events.
 */
package dev.tdeveloper.dr.objectives;
