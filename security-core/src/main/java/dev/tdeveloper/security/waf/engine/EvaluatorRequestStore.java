package dev.tdeveloper.security.waf.engine;

import dev.tdeveloper.security.waf.regex.WafPattern;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The evaluator's view of a {@link RequestState}: the variables as they are, the evaluator's hooks
 * mapped onto the state's matched variables, rule variables, severity, persistent collections and
 * {@code ENV}. Confined to one transaction (not thread-safe).
 */
public final class EvaluatorRequestStore implements EvaluatorStore {
  private final RequestState state;

  /**
   * A view of a state.
   *
   * @param state the transaction's state
   */
  public EvaluatorRequestStore(RequestState state) {
    this.state = Objects.requireNonNull(state, "state");
  }

  /**
   * The state behind this view.
   *
   * @return the state
   */
  public RequestState state() {
    return state;
  }

  @Override
  public void collect(
      String variable, Optional<String> key, Optional<WafPattern> keyPattern, List<Target> out) {
    state.collect(variable, key, keyPattern, out);
  }

  @Override
  public long dataVersion() {
    return state.dataVersion();
  }

  @Override
  public Target[] stableTargets(String variable) {
    return state.stableTargets(variable);
  }

  @Override
  public Target[] stableTargets(int derivedId, String variable) {
    return state.stableTargets(derivedId, variable);
  }

  @Override
  public Optional<MutableCollection> collection(String name) {
    return state.collection(name);
  }

  @Override
  public String expand(String text) {
    return state.expand(text);
  }

  @Override
  public String expand(MacroTemplate template) {
    return state.expand(template);
  }

  @Override
  public void matched(Target target) {
    state.matched().add(target);
  }

  @Override
  public void matched(Target target, String value) {
    state.matched().add(target, value);
  }

  @Override
  public void clearMatchedVars() {
    state.matched().clear();
  }

  @Override
  public void rule(Map<String, String> fields) {
    state.rule().enter(fields);
  }

  @Override
  public void severity(int severity) {
    state.raiseSeverity(severity);
  }

  @Override
  public void initCollection(String name, String key) {
    state.initcol(name, key);
  }

  @Override
  public void setEnv(String name, String value) {
    state.collection("ENV").ifPresent(env -> env.set(name, value));
  }
}
