/**
 * The default {@link dev.tdeveloper.dr.spi.BackupStore}s: {@link
 * dev.tdeveloper.dr.store.LocalBackupStore} keeps chunks and manifests in crash-safe files, {@link
 * dev.tdeveloper.dr.store.InMemoryBackupStore} keeps them on the heap for tests and small demos.
 */
package dev.tdeveloper.dr.store;
