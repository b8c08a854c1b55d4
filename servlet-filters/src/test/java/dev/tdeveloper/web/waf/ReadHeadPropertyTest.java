package dev.tdeveloper.web.waf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * {@link WafFilter#readHead} reads what {@code readNBytes} reads and leaves the stream where it
 * does, whatever the body's length against the limit, in one piece or trickled a byte at a time,
 * and whatever length the request declared (none, the true one, or a wrong one).
 */
class ReadHeadPropertyTest {
  @Property(tries = 1000)
  void readsWhatReadNBytesReads(
      @ForAll @Size(max = 40) byte[] body,
      @ForAll @IntRange(min = 0, max = 45) int want,
      @ForAll boolean trickle,
      @ForAll @IntRange(min = -1, max = 45) int declaredOrWrong,
      @ForAll boolean declaresTruly)
      throws IOException {
    InputStream fast = stream(body, trickle);
    InputStream plain = stream(body, trickle);
    long declared = declaresTruly ? body.length : declaredOrWrong;
    assertThat(WafFilter.readHead(fast, want, declared)).isEqualTo(plain.readNBytes(want));
    assertThat(fast.readAllBytes()).isEqualTo(plain.readAllBytes());
  }

  /** The body, or the body handed out at most one byte per read, as a network stream may. */
  private static InputStream stream(byte[] body, boolean trickle) {
    ByteArrayInputStream in = new ByteArrayInputStream(body);
    if (!trickle) {
      return in;
    }
    return new InputStream() {
      @Override
      public int read() {
        return in.read();
      }

      @Override
      public int read(byte[] b, int off, int len) {
        return len == 0 ? 0 : in.read(b, off, 1);
      }
    };
  }
}
