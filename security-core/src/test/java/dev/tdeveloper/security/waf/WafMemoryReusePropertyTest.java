package dev.tdeveloper.security.waf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.security.waf.PolicyPlanPropertyTest.Outcome;
import dev.tdeveloper.security.waf.replay.ReplayRequest;
import java.net.URISyntaxException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * A transaction that runs on the working memory an earlier transaction gave back (its target views
 * and transformation cache, kept per thread once logging ends) answers exactly what a transaction
 * on fresh memory answers: the full CRS 3.3.4 over random sequences of corpus requests under random
 * tenant policies, with transactions abandoned before logging in between, transactions finished on
 * another thread (their memory then serves that thread) and transactions running on that thread.
 * Nothing of one transaction (tenant) shows in the next.
 */
class WafMemoryReusePropertyTest {
  private static Waf waf;
  private static List<ReplayRequest> requests;
  private static ExecutorService other;

  /** How a step's transaction runs. */
  enum Way {
    /** Start to logging on the test thread. */
    HERE,
    /** The request phases on the test thread, never logged: its memory is never given back. */
    ABANDONED,
    /** Phases 1-4 on the test thread, logging on the other thread. */
    LOGGED_ELSEWHERE,
    /** Start to logging on the other thread. */
    ELSEWHERE
  }

  record Step(int index, WafPolicy policy, boolean response, Way way) {}

  @BeforeContainer
  static void load() throws URISyntaxException {
    waf = PolicyPlanPropertyTest.crs();
    requests = PolicyPlanPropertyTest.corpus();
    other = Executors.newSingleThreadExecutor();
  }

  @AfterContainer
  static void stop() {
    other.shutdownNow();
  }

  @Provide
  Arbitrary<List<Step>> sequences() {
    Arbitrary<Step> step =
        Combinators.combine(
                Arbitraries.integers().between(0, requests.size() - 1),
                PolicyPlanPropertyTest.policies(),
                Arbitraries.of(true, false),
                Arbitraries.of(Way.class))
            .as(Step::new);
    return step.list().ofMinSize(2).ofMaxSize(6);
  }

  @Property(tries = 60, seed = "10")
  void reusedMemoryAnswersAsFreshMemory(@ForAll("sequences") List<Step> steps) throws Exception {
    for (Step s : steps) {
      ReplayRequest r = requests.get(s.index());
      String what = r.id().orElse("line " + r.line()) + " under " + s.policy() + ", " + s.way();
      switch (s.way()) {
        case HERE ->
            assertThat(PolicyPlanPropertyTest.run(waf, r, s.policy(), s.response()))
                .as(what)
                .isEqualTo(fresh(r, s));
        case ABANDONED -> PolicyPlanPropertyTest.request(waf, r, s.policy());
        case LOGGED_ELSEWHERE -> {
          WafTransaction tx = PolicyPlanPropertyTest.request(waf, r, s.policy());
          other.submit(tx::processLogging).get();
          Step noResponse = new Step(s.index(), s.policy(), false, s.way());
          assertThat(tx.matches()).as(what).isEqualTo(fresh(r, noResponse).matches());
        }
        case ELSEWHERE ->
            assertThat(onOtherThread(r, s)).as(what).isEqualTo(otherThreadFresh(r, s));
      }
    }
  }

  /**
   * The outcome on memory no transaction used before: a transaction left open holds the kept one.
   */
  private static Outcome fresh(ReplayRequest r, Step s) {
    WafTransaction holder = waf.newTransaction(s.policy());
    Outcome o = PolicyPlanPropertyTest.run(waf, r, s.policy(), s.response());
    assertThat(holder.matches()).isEmpty();
    return o;
  }

  private static Outcome onOtherThread(ReplayRequest r, Step s)
      throws InterruptedException, ExecutionException {
    return other.submit(() -> PolicyPlanPropertyTest.run(waf, r, s.policy(), s.response())).get();
  }

  private static Outcome otherThreadFresh(ReplayRequest r, Step s)
      throws InterruptedException, ExecutionException {
    return other.submit(() -> fresh(r, s)).get();
  }
}
