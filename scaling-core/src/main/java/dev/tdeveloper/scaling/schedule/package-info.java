/**
 * Time- and idleness-driven wrappers around any autoscaler: {@link
 * dev.tdeveloper.scaling.schedule.ScheduledScaling} applies cron windows of replica bounds (AWS
 * scheduled actions), {@link dev.tdeveloper.scaling.schedule.ScaleToZero} takes idle workloads (one
 * tenant's workers, say) to zero and back with KEDA's activation threshold, cooldown and fallback.
 */
package dev.tdeveloper.scaling.schedule;
