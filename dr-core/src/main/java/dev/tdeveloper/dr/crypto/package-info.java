/**
 * The default {@link dev.tdeveloper.dr.spi.ChunkCipher}: AES-256-GCM with a key per backup scope
 * derived by HKDF-SHA256 from one master key ({@link dev.tdeveloper.dr.crypto.AesGcmChunkCipher}),
 * and the master key's handling ({@link dev.tdeveloper.dr.crypto.MasterKey}, {@link
 * dev.tdeveloper.dr.crypto.ChunkKeys}).
 */
package dev.tdeveloper.dr.crypto;
