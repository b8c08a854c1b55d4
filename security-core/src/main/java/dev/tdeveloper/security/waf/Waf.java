package dev.tdeveloper.security.waf;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.tdeveloper.security.waf.engine.CompiledRuleSet;
import dev.tdeveloper.security.waf.engine.Evaluator;
import dev.tdeveloper.security.waf.engine.PersistentCollections;
import dev.tdeveloper.security.waf.engine.PolicyPlan;
import dev.tdeveloper.security.waf.engine.ValueMemo;
import dev.tdeveloper.security.waf.seclang.EngineSettings;
import dev.tdeveloper.security.waf.seclang.RuleSet;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A web application firewall loaded from SecLang rule files (the OWASP CRS 3.3.4 unchanged): the
 * rules compiled once, then one {@link WafTransaction} per request. Immutable and thread-safe; the
 * persistent collections ({@code IP}, {@code GLOBAL}) it holds are thread-safe and kept apart per
 * tenant namespace.
 */
public final class Waf {
  private static final int PLANS = 1024;

  private final CompiledRuleSet rules;
  private final Evaluator evaluator;
  private final WafConfig config;
  private final EngineSettings settings;
  private final PersistentCollections collections;
  private final Duration loadTime;
  private final boolean readsResponseHeaders;
  // Per tenant policy, the plan of its policy-constant rules; empty when off.
  private final Cache<WafPolicy, Optional<PolicyPlan>> plans;
  // The plans themselves, one per policy apart from its namespace, which no plan depends on.
  private final Cache<WafPolicy, Optional<PolicyPlan>> shared;

  /**
   * How long a tenant's memo of per-value work ({@link WafBuilder#valueMemo}) lives unused, give or
   * take {@link #MEMO_TOUCH}.
   */
  public static final Duration MEMO_IDLE = Duration.ofMinutes(10);

  /**
   * How often a memo's use is recorded at most: a tenant's requests read its memo without writing
   * the cache's access time and read buffer each time (both cores read a busy tenant's memo, and
   * each write takes the cache line from the other core).
   */
  static final Duration MEMO_TOUCH = Duration.ofSeconds(1);

  private static final long MEMO_TOUCH_NANOS = MEMO_TOUCH.toNanos();

  /** A tenant's memo and when its use was last recorded in {@link #memos} (ticker nanos). */
  private static final class MemoEntry {
    final ValueMemo memo;
    volatile long touched;

    MemoEntry(ValueMemo memo, long touched) {
      this.memo = memo;
      this.touched = touched;
    }
  }

  // Per tenant namespace, its memo of per-value work; null when off.
  private final Cache<String, MemoEntry> memos;
  private final int memoTenants;
  private final Predicate<String> memoNamespaces;
  private final int memoEntries;
  private final int memoLongest;

  Waf(
      RuleSet set,
      WafConfig config,
      long startNanos,
      WafBuilder.MemoBounds memo,
      Predicate<String> memoNamespaces) {
    this.rules = CompiledRuleSet.compile(set);
    this.evaluator = new Evaluator(rules);
    this.config = config;
    this.settings = set.settings();
    this.collections = PersistentCollections.inMemory(config.ticker());
    this.plans = Caffeine.newBuilder().maximumSize(PLANS).executor(Runnable::run).build();
    this.shared = Caffeine.newBuilder().maximumSize(PLANS).executor(Runnable::run).build();
    this.readsResponseHeaders = ResponseHeaderUse.reads(set);
    this.memoEntries = memo.entriesPerTenant();
    this.memoLongest = memo.longestValue();
    this.memoTenants = memo.tenants();
    this.memoNamespaces = memoNamespaces;
    // No size bound: a memo is never evicted for another tenant's; valueMemo stops making new ones
    // at memoTenants, and only a tenant's own idleness drops its memo.
    this.memos =
        memo.tenants() == 0
            ? null
            : Caffeine.newBuilder()
                .expireAfterAccess(MEMO_IDLE.toNanos(), TimeUnit.NANOSECONDS)
                .ticker(config.ticker()::read)
                .executor(Runnable::run)
                .build();
    this.loadTime = Duration.ofNanos(System.nanoTime() - startNanos);
  }

  /**
   * The same rules with every rule evaluated on every request (no plan) on the plain path ({@link
   * CompiledRuleSet#plain}): for comparisons.
   */
  private Waf(Waf folded) {
    this.rules = folded.rules.plain();
    this.evaluator = new Evaluator(rules);
    this.config = folded.config;
    this.settings = folded.settings;
    this.collections = PersistentCollections.inMemory(config.ticker());
    this.plans = null;
    this.shared = null;
    this.memos = null;
    this.memoTenants = 0;
    this.memoNamespaces = ns -> false;
    this.memoEntries = 0;
    this.memoLongest = 0;
    this.readsResponseHeaders = folded.readsResponseHeaders;
    this.loadTime = folded.loadTime;
  }

  /**
   * The same rules, plans and memos with the evaluator {@link Evaluator#ungated}, and collections
   * of its own: for comparisons with the rules' gates.
   */
  private Waf(Waf gated, Evaluator evaluator) {
    this.rules = gated.rules;
    this.evaluator = evaluator;
    this.config = gated.config;
    this.settings = gated.settings;
    this.collections = PersistentCollections.inMemory(config.ticker());
    this.plans = gated.plans;
    this.shared = gated.shared;
    this.memos = gated.memos;
    this.memoTenants = gated.memoTenants;
    this.memoNamespaces = gated.memoNamespaces;
    this.memoEntries = gated.memoEntries;
    this.memoLongest = gated.memoLongest;
    this.readsResponseHeaders = gated.readsResponseHeaders;
    this.loadTime = gated.loadTime;
  }

  /**
   * This WAF with every rule the evaluator reaches evaluated, also those whose gate shows they
   * cannot match ({@link Evaluator#ungated}): the path rule gates are compared with.
   */
  Waf ungated() {
    return new Waf(this, evaluator.ungated());
  }

  /**
   * This WAF's rules evaluated without policy plans, each rule on every request, every
   * transformation run, with collections of its own: the plain path fast paths are compared with.
   */
  Waf unfolded() {
    return new Waf(this);
  }

  /**
   * The plan of a policy, built on its first use: the rules whose effect the policy fixes (setup,
   * paranoia-level skips) run once per policy instead of once per request. Tenants whose policies
   * differ only in their namespace share one plan: plans read and write {@code TX} only, never a
   * persistent collection.
   */
  Optional<PolicyPlan> plan(WafPolicy policy) {
    if (plans == null) {
      return Optional.empty();
    }
    return plans.get(
        policy, p -> shared.get(p.withNamespace(""), q -> WafTransaction.plan(this, q)));
  }

  /**
   * The memo of per-value work of a policy's tenant (its namespace), made on its first use; empty
   * when off, when the builder's namespace test refuses the namespace, or while the most tenants
   * allowed have one (about: racing first uses may pass the bound by a few). Tenants never share
   * one, whatever their policies, and none is dropped to make room for another.
   */
  Optional<ValueMemo> valueMemo(WafPolicy policy) {
    if (memos == null) {
      return Optional.empty();
    }
    String namespace = policy.namespace();
    MemoEntry entry = memos.policy().getIfPresentQuietly(namespace);
    if (entry != null) {
      long now = config.ticker().read();
      if (now - entry.touched >= MEMO_TOUCH_NANOS) {
        entry.touched = now;
        memos.getIfPresent(namespace); // records the use: the memo's idleness starts again
      }
      return Optional.of(entry.memo);
    }
    if (memos.estimatedSize() >= memoTenants || !memoNamespaces.test(namespace)) {
      return Optional.empty();
    }
    return Optional.of(
        memos.get(
                namespace,
                n -> new MemoEntry(new ValueMemo(memoEntries, memoLongest), config.ticker().read()))
            .memo);
  }

  /** How many tenants have a memo of per-value work now (for tests and {@code /ops}). */
  long valueMemoTenants() {
    if (memos == null) {
      return 0;
    }
    memos.cleanUp();
    return memos.estimatedSize();
  }

  /**
   * A builder.
   *
   * @return a new builder
   */
  public static WafBuilder builder() {
    return new WafBuilder();
  }

  /**
   * A transaction with no tenant policy (namespace {@code ""}).
   *
   * @return a new transaction
   */
  public WafTransaction newTransaction() {
    return newTransaction(WafPolicy.defaults(""));
  }

  /**
   * A transaction for a tenant.
   *
   * @param policy the tenant's policy
   * @return a new transaction
   */
  public WafTransaction newTransaction(WafPolicy policy) {
    return new WafTransaction(this, Objects.requireNonNull(policy, "policy"));
  }

  /**
   * The rules each file gave ({@code SecRule} and {@code SecAction}, chains once).
   *
   * @return file to count, in load order
   */
  public Map<String, Integer> rulesPerFile() {
    return rules.rulesPerFile();
  }

  /**
   * The number of rules compiled (after {@code SecRuleRemoveBy*}).
   *
   * @return the count
   */
  public int ruleCount() {
    return rules.ruleCount();
  }

  /**
   * Whether a rule can read the response headers ({@code RESPONSE_HEADERS}, {@code
   * RESPONSE_HEADERS_NAMES}, {@code RESPONSE_CONTENT_TYPE}), judged conservatively from the rule
   * text: when false, {@link WafTransaction#addResponseHeader} changes no decision and a connector
   * may skip it. False for the OWASP CRS 3.3.4.
   *
   * @return whether response headers are worth feeding
   */
  public boolean readsResponseHeaders() {
    return readsResponseHeaders;
  }

  /**
   * How long parsing and compiling took.
   *
   * @return the load time
   */
  public Duration loadTime() {
    return loadTime;
  }

  /**
   * The configuration.
   *
   * @return the config
   */
  public WafConfig config() {
    return config;
  }

  /**
   * The engine directives of the rule files.
   *
   * @return the settings
   */
  public EngineSettings settings() {
    return settings;
  }

  CompiledRuleSet rules() {
    return rules;
  }

  Evaluator evaluator() {
    return evaluator;
  }

  PersistentCollections collections() {
    return collections;
  }
}
