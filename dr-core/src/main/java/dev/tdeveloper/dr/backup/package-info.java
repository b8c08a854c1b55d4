/**
 * The backup engine: content-defined chunking (FastCDC), compression, encryption through the {@code
 * ChunkCipher} SPI and deduplicated storage through the {@code BackupStore} SPI; hashed manifests
 * published last; restore, verification and garbage collection of unreferenced chunks.
 */
package dev.tdeveloper.dr.backup;
