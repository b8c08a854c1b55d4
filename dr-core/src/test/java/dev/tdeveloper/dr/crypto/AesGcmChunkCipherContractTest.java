package dev.tdeveloper.dr.crypto;

import dev.tdeveloper.dr.spi.ChunkCipher;
import dev.tdeveloper.dr.testkit.ChunkCipherContract;

class AesGcmChunkCipherContractTest extends ChunkCipherContract {
  @Override
  protected ChunkCipher create() {
    return AesGcmChunkCipher.create(MasterKey.generate());
  }

  @Override
  protected ChunkCipher createWithAnotherKey() {
    return AesGcmChunkCipher.create(MasterKey.generate());
  }
}
