/**
 * What a backend implements for dr-core: {@link dev.tdeveloper.dr.spi.BackupStore} (chunks and
 * manifests; local files by default, S3 in the AWS backend; found by name through {@link
 * dev.tdeveloper.dr.spi.BackupStoreProvider}), {@link dev.tdeveloper.dr.spi.ChunkCipher} (AES-GCM
 * by default, a KMS later), {@link dev.tdeveloper.dr.spi.ChangeJournal} (changes replayed by
 * point-in-time recovery) and {@link dev.tdeveloper.dr.spi.BackupSource} (what is backed up).
 */
package dev.tdeveloper.dr.spi;
