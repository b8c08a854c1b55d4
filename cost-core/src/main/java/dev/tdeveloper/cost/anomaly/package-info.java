/**
 * Cost anomaly detection on daily cost per scope and service, after AWS Cost Anomaly Detection: a
 * robust weekday baseline with a median/MAD score, absolute and percentage impact thresholds,
 * consecutive anomalous days merged into one {@link dev.tdeveloper.cost.anomaly.CostAnomaly} with
 * its root causes, and opened / updated / closed events without alert storms.
 */
package dev.tdeveloper.cost.anomaly;
