/**
 * Secret rotation: {@link dev.tdeveloper.security.secrets.rotation.SecretRotator} runs the
 * four-step protocol (create pending, set in target, test, promote) with CURRENT, PENDING and
 * PREVIOUS labels, resumable after a crash through its {@link
 * dev.tdeveloper.security.secrets.rotation.RotationJournal}, with the single-user and
 * alternating-users strategies, on the schedule of a {@link
 * dev.tdeveloper.security.secrets.rotation.SecretRotationPolicy}.
 */
package dev.tdeveloper.security.secrets.rotation;
