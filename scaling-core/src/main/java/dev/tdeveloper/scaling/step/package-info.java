/**
 * AWS-style step scaling: {@link dev.tdeveloper.scaling.step.StepScalingAutoscaler} compares a
 * metric with the alarm thresholds of a scale-out and a scale-in {@link
 * dev.tdeveloper.scaling.step.StepPolicy} and applies the matching {@link
 * dev.tdeveloper.scaling.step.StepAdjustment}, with cooldown and instance warm-up.
 */
package dev.tdeveloper.scaling.step;
