package dev.tdeveloper.security.waf.engine;

import dev.tdeveloper.security.waf.regex.WafPattern;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A store that is neither an {@link EvaluatorRequestStore} nor keeps {@code TX} as a {@link
 * TxCollection}: the evaluator reads every variable through it by name, the plain path its fast
 * paths are checked against.
 */
final class NamedTxStore implements EvaluatorStore {
  private final EvaluatorRequestStore store;
  private final MutableCollection tx;

  /** The {@code TX} of a state, by key, for comparing two states. */
  static Map<String, String> tx(RequestState state) {
    MutableCollection tx = state.collection("tx").orElseThrow();
    Map<String, String> out = new TreeMap<>();
    for (String k : tx.keys()) {
      out.put(k, tx.get(k).orElseThrow());
    }
    return out;
  }

  NamedTxStore(EvaluatorRequestStore store) {
    this.store = store;
    MutableCollection inner = store.collection("tx").orElseThrow();
    this.tx =
        new MutableCollection() {
          @Override
          public Optional<String> get(String key) {
            return inner.get(key);
          }

          @Override
          public void set(String key, String value) {
            inner.set(key, value);
          }

          @Override
          public void remove(String key) {
            inner.remove(key);
          }

          @Override
          public void expire(String key, Duration after) {
            inner.expire(key, after);
          }

          @Override
          public Set<String> keys() {
            return inner.keys();
          }

          @Override
          public void add(String key, long delta) {
            inner.add(key, delta);
          }
        };
  }

  @Override
  public void matched(Target target) {
    store.matched(target);
  }

  @Override
  public void matched(Target target, String value) {
    store.matched(target, value);
  }

  @Override
  public void clearMatchedVars() {
    store.clearMatchedVars();
  }

  @Override
  public void rule(Map<String, String> fields) {
    store.rule(fields);
  }

  @Override
  public void severity(int severity) {
    store.severity(severity);
  }

  @Override
  public void initCollection(String name, String key) {
    store.initCollection(name, key);
  }

  @Override
  public void setEnv(String name, String value) {
    store.setEnv(name, value);
  }

  @Override
  public Target[] stableTargets(String variable) {
    return store.stableTargets(variable);
  }

  @Override
  public Target[] stableTargets(int derivedId, String variable) {
    return store.stableTargets(derivedId, variable);
  }

  @Override
  public long dataVersion() {
    return store.dataVersion();
  }

  @Override
  public void collect(
      String variable, Optional<String> key, Optional<WafPattern> keyPattern, List<Target> out) {
    store.collect(variable, key, keyPattern, out);
  }

  @Override
  public Optional<MutableCollection> collection(String name) {
    return name.equalsIgnoreCase("tx") ? Optional.of(tx) : store.collection(name);
  }

  @Override
  public String expand(String text) {
    return store.expand(text);
  }

  @Override
  public String expand(MacroTemplate template) {
    return store.expand(template);
  }
}
