package dev.tdeveloper.security.waf.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.security.waf.regex.LiteralIndex;
import dev.tdeveloper.security.waf.regex.WafPattern;
import dev.tdeveloper.security.waf.transform.Transformation;
import dev.tdeveloper.security.waf.transform.Transformations;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A chain's step given the raw value runs only when the value holds one of that step's own trigger
 * chars: a later step's triggers (here {@code cmdLine}'s space) make the whole prefix
 * unpredictable, but an earlier {@code urlDecodeUni} on a value without {@code %} or {@code +}
 * still gives the value back without running.
 */
class ValueCacheStepTriggersTest {
  private static final LiteralIndex INDEX =
      LiteralIndex.of(List.of(WafPattern.compile("(?i)union\\s+select")));

  private static CompiledTransforms.Chain counted(AtomicInteger decodes) {
    Transformation decode = Transformations.byName("urlDecodeUni").orElseThrow();
    Transformation cmdLine = Transformations.byName("cmdLine").orElseThrow();
    Transformation counting =
        s -> {
          decodes.incrementAndGet();
          return decode.apply(s);
        };
    int w = CharTriggers.WORDS;
    long[] own = new long[2 * w];
    System.arraycopy(CharTriggers.of("urlDecodeUni"), 0, own, 0, w);
    System.arraycopy(CharTriggers.of("cmdLine"), 0, own, w, w);
    long[] prefixes = own.clone();
    for (int i = 0; i < w; i++) {
      prefixes[w + i] |= prefixes[i];
    }
    return new CompiledTransforms.Chain(
        List.of("urlDecodeUni", "cmdLine"),
        new Transformation[] {counting, cmdLine},
        new int[] {0, 1},
        new int[] {0, 2},
        prefixes,
        prefixes,
        own);
  }

  @Test
  void skipsAStepOfTheRawValueWhoseOwnTriggersItLacks() {
    AtomicInteger decodes = new AtomicInteger();
    CompiledTransforms.Chain chain = counted(decodes);
    ValueCache cache = new ValueCache(3, INDEX);
    String raw = "Notes Checklist";
    ValueCache.Row row = cache.row(raw);

    assertThat(row.keeps(chain, 2)).isFalse();
    assertThat(cache.transform(row, chain, raw, 1)).isSameAs(raw);
    assertThat(cache.transform(row, chain, raw, 2)).isEqualTo("notes checklist");
    assertThat(decodes).hasValue(0);
  }

  @Test
  void runsAStepWhoseOwnTriggersTheRawValueHolds() {
    AtomicInteger decodes = new AtomicInteger();
    CompiledTransforms.Chain chain = counted(decodes);
    ValueCache cache = new ValueCache(3, INDEX);
    String raw = "Notes%20Checklist";
    ValueCache.Row row = cache.row(raw);

    assertThat(cache.transform(row, chain, raw, 2)).isEqualTo("notes checklist");
    assertThat(decodes).hasValue(1);
  }

  @Test
  void runsEveryStepWhenNotPredicting() {
    AtomicInteger decodes = new AtomicInteger();
    CompiledTransforms.Chain chain = counted(decodes);
    ValueCache cache = new ValueCache(3, INDEX, false);
    String raw = "Notes Checklist";

    assertThat(cache.transform(cache.row(raw), chain, raw, 2)).isEqualTo("notes checklist");
    assertThat(decodes).hasValue(1);
  }

  @Test
  void compiledChainsKeepEachStepsOwnTriggers() {
    CompiledTransforms.Chain chain =
        new CompiledTransforms()
            .chain(
                List.of("urlDecodeUni", "cmdLine"),
                new dev.tdeveloper.security.waf.seclang.Location("test", 1));
    int w = CharTriggers.WORDS;
    long[] steps = chain.stepTriggers();
    for (int i = 0; i < w; i++) {
      assertThat(steps[i]).isEqualTo(CharTriggers.of("urlDecodeUni")[i]);
      assertThat(steps[w + i]).isEqualTo(CharTriggers.of("cmdLine")[i]);
    }
  }
}
