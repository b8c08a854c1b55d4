package dev.tdeveloper.security.waf.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.security.waf.EngineMode;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * A tenant's {@link ValueMemo} keeps what its transactions worked out from values, bounded, out of
 * reach of other tenants, and keeps values that repeat through a flood of distinct ones.
 */
class ValueMemoTest {
  private static final CompiledRuleSet RULES = TransactionMemoryTest.RULES;

  @Test
  void aTenantFloodingDistinctValuesLeavesAnotherTenantsEntries() {
    ValueMemo alice = new ValueMemo(64, 256);
    ValueMemo mallory = new ValueMemo(64, 256);
    run(alice, "/?a=Hello&b=World&c=12");
    ValueMemo.Entry[] before = alice.entries();
    assertThat(alice.size()).isPositive();
    for (int i = 0; i < 5_000; i++) {
      run(mallory, "/?a=v" + i + "&b=w" + i);
    }
    assertThat(alice.entries()).containsExactly(before);
    assertThat(mallory.size()).isLessThanOrEqualTo(mallory.capacity());
  }

  @Test
  void aValueSeenTwiceOutlivesAFloodOfValuesSeenOnce() {
    ValueMemo memo = new ValueMemo(64, 256);
    run(memo, "/?a=Repeated");
    run(memo, "/?a=Repeated");
    for (int i = 0; i < 5_000; i++) {
      run(memo, "/?a=v" + i);
    }
    assertThat(memo.get("Repeated", "Repeated".hashCode())).isNotNull();
    assertThat(memo.get("v0", "v0".hashCode())).isNull();
  }

  @Test
  void longValuesAreNotKept() {
    ValueMemo memo = new ValueMemo(8, 4);
    run(memo, "/?a=abcd&b=abcde");
    assertThat(memo.get("abcd", "abcd".hashCode())).isNotNull();
    assertThat(memo.get("abcde", "abcde".hashCode())).isNull();
  }

  @Test
  void manyThreadsShareATenantsMemoAndAnswerAsWithout() throws Exception {
    ValueMemo memo = new ValueMemo(16, 256);
    List<CompletableFuture<Void>> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      threads.add(
          CompletableFuture.runAsync(
              () -> {
                for (int i = 0; i < 2_000; i++) {
                  String uri = "/?a=" + (i % 3 == 0 ? "SeCrEt" : "x" + (i % 40));
                  assertThat(run(memo, uri)).isEqualTo(run(null, uri));
                }
              }));
    }
    for (CompletableFuture<Void> f : threads) {
      f.get();
    }
  }

  @Test
  void badBoundsAreRejectedByName() {
    assertThatThrownBy(() -> new ValueMemo(7, 1)).hasMessageContaining("entries: 7");
    assertThatThrownBy(() -> new ValueMemo(8, 0)).hasMessageContaining("longest: 0");
    assertThat(new ValueMemo(8, 1).capacity()).isEqualTo(8);
    assertThat(new ValueMemo(9, 1).capacity()).isEqualTo(16);
    assertThat(new ValueMemo(512, 1).capacity()).isEqualTo(512);
  }

  /** Runs phases 1 and 2 on a request, on a tenant's memo (null: none); its matched rule ids. */
  private static List<Long> run(ValueMemo memo, String uri) {
    ManualClock clock = new ManualClock();
    RequestState s = new RequestState("t", PersistentCollections.inMemory(clock), clock, clock);
    s.setRequestLine("GET", uri, "HTTP/1.1");
    EvaluatorTransaction tx =
        new EvaluatorTransaction(RULES, new EvaluatorRequestStore(s), EngineMode.DETECTION_ONLY);
    if (memo != null) {
      tx.useValueMemo(memo);
    }
    Evaluator evaluator = new Evaluator(RULES);
    evaluator.runPhase(tx, 1);
    evaluator.runPhase(tx, 2);
    List<Long> ids = tx.matches().stream().map(m -> m.ruleId()).toList();
    tx.release();
    return ids;
  }
}
