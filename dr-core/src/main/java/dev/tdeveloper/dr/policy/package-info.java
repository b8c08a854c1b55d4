/**
 * Backup policies: what is backed up, on which cron schedule (UTC), how it is kept (count and GFS
 * retention, planned by {@link dev.tdeveloper.dr.policy.RetentionPlanner}) and which recovery
 * objectives it must meet; {@link dev.tdeveloper.dr.policy.BackupScheduler} runs the policies on
 * time.
 */
package dev.tdeveloper.dr.policy;
