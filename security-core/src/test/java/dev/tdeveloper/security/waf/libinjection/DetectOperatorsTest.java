package dev.tdeveloper.security.waf.libinjection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.security.waf.operator.OperatorContext;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class DetectOperatorsTest {
  /** Records captures the way the engine's TX collection would. */
  private static final class Recording implements OperatorContext {
    final boolean capturing;
    final Map<Integer, String> tx = new TreeMap<>();

    Recording(boolean capturing) {
      this.capturing = capturing;
    }

    @Override
    public String expand(String text) {
      return text;
    }

    @Override
    public boolean capturing() {
      return capturing;
    }

    @Override
    public void capture(int index, String value) {
      tx.put(index, value);
    }

    @Override
    public void geo(Map<String, String> fields) {}

    @Override
    public void regexLimitExceeded(String pattern) {}
  }

  @Test
  void detectSqliCapturesTheFingerprintInTx0() {
    Recording ctx = new Recording(true);
    assertThat(DetectSqli.INSTANCE.evaluate(ctx, "1' or 1=1--")).isTrue();
    assertThat(ctx.tx).containsExactly(Map.entry(0, "s&1o1"));
  }

  @Test
  void detectSqliCapturesNothingWithoutTheCaptureAction() {
    Recording ctx = new Recording(false);
    assertThat(DetectSqli.INSTANCE.evaluate(ctx, "1 union select 1")).isTrue();
    assertThat(ctx.tx).isEmpty();
  }

  @Test
  void detectSqliLeavesBenignValuesAlone() {
    Recording ctx = new Recording(true);
    assertThat(DetectSqli.INSTANCE.evaluate(ctx, "O'Brien")).isFalse();
    assertThat(ctx.tx).isEmpty();
  }

  @Test
  void detectXssCapturesTheInputInTx0LikeModSecurity() {
    Recording ctx = new Recording(true);
    assertThat(DetectXss.INSTANCE.evaluate(ctx, "<script>alert(1)</script>")).isTrue();
    assertThat(ctx.tx).containsExactly(Map.entry(0, "<script>alert(1)</script>"));
  }

  @Test
  void detectXssLeavesBenignValuesAlone() {
    Recording ctx = new Recording(true);
    assertThat(DetectXss.INSTANCE.evaluate(ctx, "<b>bold</b>")).isFalse();
    assertThat(DetectXss.INSTANCE.evaluate(new Recording(false), "<svg onload=x>")).isTrue();
    assertThat(ctx.tx).isEmpty();
  }
}
