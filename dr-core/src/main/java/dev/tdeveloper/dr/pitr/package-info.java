/**
 * Point-in-time recovery: the change journals ({@link dev.tdeveloper.dr.pitr.FileChangeJournal},
 * {@link dev.tdeveloper.dr.pitr.InMemoryChangeJournal}), {@link
 * dev.tdeveloper.dr.pitr.JournaledFiles} for applications to record their changes, and {@link
 * dev.tdeveloper.dr.pitr.PointInTimeRecovery}, which restores a base backup and replays the journal
 * onto it up to an instant or a sequence number.
 */
package dev.tdeveloper.dr.pitr;
