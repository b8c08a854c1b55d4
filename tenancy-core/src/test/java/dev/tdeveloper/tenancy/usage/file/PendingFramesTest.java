package dev.tdeveloper.tenancy.usage.file;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PendingFramesTest {
  @Test
  void drainedBytesCountUntilWrittenSoTheSegmentBoundNeverUndercounts() {
    PendingFrames pending = new PendingFrames();
    pending.add(new byte[] {1, 2, 3});
    pending.add(new byte[] {4, 5});
    assertThat(pending.drain()).containsExactly(1, 2, 3, 4, 5);
    assertThat(pending.size()).isEqualTo(5); // between the buffer and the file
    pending.add(new byte[] {6});
    assertThat(pending.size()).isEqualTo(6);
    pending.written();
    assertThat(pending.size()).isEqualTo(1);
    assertThat(pending.drain()).containsExactly(6);
    pending.written();
    assertThat(pending.size()).isZero();
  }

  @Test
  void growsPastItsFirstBufferKeepingOrder() {
    PendingFrames pending = new PendingFrames();
    byte[] big = new byte[10_000];
    big[9_999] = 7;
    pending.add(new byte[] {9});
    pending.add(big);
    byte[] out = pending.drain();
    assertThat(out).hasSize(10_001);
    assertThat(out[0]).isEqualTo((byte) 9);
    assertThat(out[10_000]).isEqualTo((byte) 7);
  }
}
