package dev.tdeveloper.security.waf.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.security.waf.regex.LiteralIndex;
import dev.tdeveloper.security.waf.regex.WafPattern;
import dev.tdeveloper.security.waf.seclang.Location;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pure false answers of operators ({@code Operator#pureWhenFalse}) are kept per value and tenant: a
 * value met again learns them, and the tenant's next transactions with an equal value find them, on
 * the raw value and on its transformed values; nothing is kept without a memo, for a value met
 * once, or for another tenant, and an answer is known only for the operator that gave it.
 */
class ValueCacheFalseAnswersTest {
  private static final LiteralIndex INDEX =
      LiteralIndex.of(List.of(WafPattern.compile("(?i)union\\s+select")));
  private static final CompiledTransforms TRIE = new CompiledTransforms();
  private static final CompiledTransforms.Chain LOWER =
      TRIE.chain(List.of("lowercase"), new Location("test", 1));
  private static final Object SQLI = new Object();
  private static final Object XSS = new Object();

  private final ValueCache cache = new ValueCache(TRIE.nodeCount(), INDEX);

  /** One transaction of a tenant: the value's row, an answer asked, and false answers given. */
  private boolean transaction(ValueMemo memo, String text, boolean lower, Object asked) {
    cache.use(memo);
    String raw = new String(text.toCharArray());
    ValueCache.Row row = cache.row(raw);
    String value = lower ? cache.transform(row, LOWER, raw, 1) : raw;
    boolean known = cache.knownFalse(row, value, asked);
    if (!known) {
      cache.answeredFalse(row, value, asked);
    }
    cache.reset();
    return known;
  }

  @Test
  void aValueMetAgainIsKnownFalseFromTheThirdTransactionOn() {
    ValueMemo memo = new ValueMemo(64, 256);
    assertThat(transaction(memo, "Mozilla/5.0 (X11)", false, SQLI)).isFalse();
    assertThat(transaction(memo, "Mozilla/5.0 (X11)", false, SQLI)).isFalse();
    assertThat(transaction(memo, "Mozilla/5.0 (X11)", false, SQLI)).isTrue();
    assertThat(transaction(memo, "Mozilla/5.0 (X11)", false, SQLI)).isTrue();
  }

  @Test
  void keepsAnswersOnTransformedValues() {
    ValueMemo memo = new ValueMemo(64, 256);
    for (int i = 0; i < 2; i++) {
      assertThat(transaction(memo, "Text/HTML", true, SQLI)).isFalse();
    }
    assertThat(transaction(memo, "Text/HTML", true, SQLI)).isTrue();
    assertThat(transaction(memo, "Text/HTML", false, SQLI)).as("the raw value").isFalse();
  }

  @Test
  void anAnswerIsKnownOnlyForItsOperatorAndText() {
    ValueMemo memo = new ValueMemo(64, 256);
    for (int i = 0; i < 3; i++) {
      transaction(memo, "gzip, deflate", false, SQLI);
    }
    assertThat(transaction(memo, "gzip, deflate", false, XSS)).isFalse();
    assertThat(transaction(memo, "gzip, deflatE", false, SQLI)).isFalse();
    assertThat(transaction(memo, "gzip, deflate", false, SQLI)).isTrue();
  }

  @Test
  void neverLeaksAcrossTenantsNorKeepsWithoutAMemo() {
    ValueMemo alice = new ValueMemo(64, 256);
    ValueMemo mallory = new ValueMemo(64, 256);
    for (int i = 0; i < 3; i++) {
      transaction(alice, "session=abc123", false, SQLI);
    }
    assertThat(transaction(mallory, "session=abc123", false, SQLI)).isFalse();
    for (int i = 0; i < 3; i++) {
      assertThat(transaction(null, "session=abc123", false, SQLI)).isFalse();
    }
    assertThat(transaction(alice, "session=abc123", false, SQLI)).isTrue();
  }

  @Test
  void aValueLongerThanTheMemoKeepsIsNeverKnown() {
    ValueMemo memo = new ValueMemo(64, 8);
    for (int i = 0; i < 4; i++) {
      assertThat(transaction(memo, "a value longer than eight", false, SQLI)).isFalse();
    }
  }
}
