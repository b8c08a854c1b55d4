package ${package};

import dev.tdeveloper.dr.spi.ChunkCipher;
import dev.tdeveloper.dr.testkit.ChunkCipherContract;

/** Holds {@link ${cloud}ChunkCipher} to the SDK's contract kit; fails until it is implemented. */
class ${cloud}ChunkCipherTest extends ChunkCipherContract {
  /** Returns a cipher under the test KMS key. */
  @Override
  protected ChunkCipher create() {
    return new ${cloud}ChunkCipher();
  }

  /** Returns a cipher under another KMS key: nothing the first one sealed may open with it. */
  @Override
  protected ChunkCipher createWithAnotherKey() {
    return new ${cloud}ChunkCipher();
  }
}
