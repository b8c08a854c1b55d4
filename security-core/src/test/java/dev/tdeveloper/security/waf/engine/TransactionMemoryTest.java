package dev.tdeveloper.security.waf.engine;

import static dev.tdeveloper.security.waf.engine.EvaluatorRules.rule;
import static dev.tdeveloper.security.waf.engine.EvaluatorRules.set;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.security.waf.EngineMode;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The working memory of a transaction is held by one transaction at a time, kept per thread once
 * given back, and given back empty: the next transaction sees nothing of the one before.
 */
class TransactionMemoryTest {
  static final CompiledRuleSet RULES =
      CompiledRuleSet.compile(
          set(
              rule("ARGS", "@rx secret", "id:1", "phase:1", "t:lowercase", "deny"),
              rule("ARGS|REQUEST_HEADERS", "@contains x", "id:2", "phase:2", "pass")));
  private static final CompiledRule.Variable ARGS =
      new CompiledRule.Variable("ARGS", Optional.empty(), Optional.empty(), false);

  @Test
  void twoLiveTransactionsNeverShareMemory() {
    TransactionMemory first = RULES.takeMemory();
    TransactionMemory second = RULES.takeMemory();
    assertThat(second).isNotSameAs(first);
    RULES.giveBack(first);
    RULES.giveBack(second);
    TransactionMemory kept = RULES.takeMemory();
    assertThat(kept).isSameAs(first);
    assertThat(RULES.takeMemory()).isNotSameAs(first).isNotSameAs(second);
  }

  @Test
  void anAbandonedTransactionKeepsItsMemoryFromTheNext() {
    EvaluatorTransaction left = transaction("/?a=secret");
    new Evaluator(RULES).runPhase(left, 1);
    EvaluatorTransaction next = transaction("/?a=public");
    assertThat(next.views()).isNotSameAs(left.views());
    assertThat(next.values()).isNotSameAs(left.values());
  }

  @Test
  void memoryGivenBackOnAnotherThreadServesThatThread() throws Exception {
    EvaluatorTransaction tx = transaction("/?a=1");
    TargetViews views = tx.views();
    CompletableFuture.runAsync(tx::release).get();
    assertThat(transaction("/?a=2").views()).isNotSameAs(views);
  }

  @Test
  void theNextTransactionSeesNothingOfTheOneBefore() {
    Evaluator evaluator = new Evaluator(RULES);
    EvaluatorTransaction alice = transaction("/?a=SECRET");
    evaluator.runPhase(alice, 1);
    assertThat(alice.interruption()).isPresent();
    ValueCache cache = alice.values();
    TargetViews views = alice.views();
    assertThat(cache.size()).isPositive();
    alice.release();
    assertThat(cache.size()).isZero();
    assertThat(cache.cached(0, "SECRET")).isNull();

    // Same data version as alice's request: a view kept by version would give alice's targets.
    RequestState bob = state("/?a=public");
    EvaluatorTransaction tx =
        new EvaluatorTransaction(RULES, new EvaluatorRequestStore(bob), mode());
    assertThat(tx.views()).isSameAs(views);
    assertThat(tx.values()).isSameAs(cache);
    Target[] selected = views.select(0, tx.store(), ARGS, List.of());
    assertThat(selected).extracting(Target::value).containsExactly("public");
    evaluator.runPhase(tx, 1);
    evaluator.runPhase(tx, 2);
    assertThat(tx.interruption()).isEmpty();
    assertThat(tx.matches()).isEmpty();
  }

  @Test
  void aPhaseAfterReleaseAnswersOnFreshMemory() {
    Evaluator evaluator = new Evaluator(RULES);
    EvaluatorTransaction tx = transaction("/?a=xx");
    evaluator.runPhase(tx, 1);
    tx.release();
    evaluator.runPhase(tx, 2);
    assertThat(tx.matches()).extracting(m -> m.ruleId()).containsExactly(2L);
    tx.release();
  }

  private static EvaluatorTransaction transaction(String uri) {
    return new EvaluatorTransaction(RULES, new EvaluatorRequestStore(state(uri)), mode());
  }

  private static RequestState state(String uri) {
    ManualClock clock = new ManualClock();
    RequestState s = new RequestState("t", PersistentCollections.inMemory(clock), clock, clock);
    s.setRequestLine("GET", uri, "HTTP/1.1");
    return s;
  }

  private static EngineMode mode() {
    return EngineMode.ON;
  }
}
