package dev.tdeveloper.security.waf.engine;

import dev.tdeveloper.security.waf.regex.RegexOutcome;
import dev.tdeveloper.security.waf.regex.WafPattern;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A small in-memory {@link EvaluatorStore} for evaluator tests: variables set by hand. */
final class EvaluatorTestStore implements EvaluatorStore {
  private static final Pattern MACRO = Pattern.compile("%\\{([^}]+)\\}");

  final Map<String, List<Target>> variables = new LinkedHashMap<>();
  final Map<String, MapCollection> collections = new HashMap<>();
  final List<Target> matchedVars = new ArrayList<>();
  final Map<String, String> env = new HashMap<>();
  final Map<String, String> expired = new HashMap<>();
  Target matchedVar;
  Map<String, String> rule = Map.of();
  int highestSeverity = 255;
  String failOn = "";

  EvaluatorTestStore() {
    collections.put("tx", new MapCollection("TX"));
  }

  EvaluatorTestStore add(String collection, String key, String value) {
    String name = key.isEmpty() ? collection : collection + ":" + key;
    variables
        .computeIfAbsent(collection, c -> new ArrayList<>())
        .add(new Target(name, key.isEmpty() ? collection : key, value));
    return this;
  }

  String tx(String key) {
    return collections.get("tx").get(key).orElse("");
  }

  /** A TX-like collection over a map. */
  final class MapCollection implements MutableCollection {
    final String name;
    final Map<String, String> values = new LinkedHashMap<>();

    MapCollection(String name) {
      this.name = name;
    }

    @Override
    public Optional<String> get(String key) {
      return Optional.ofNullable(values.get(key.toLowerCase(Locale.ROOT)));
    }

    @Override
    public void set(String key, String value) {
      values.put(key.toLowerCase(Locale.ROOT), value);
    }

    @Override
    public void remove(String key) {
      values.remove(key.toLowerCase(Locale.ROOT));
    }

    @Override
    public void expire(String key, Duration after) {
      expired.put(name.toLowerCase(Locale.ROOT) + "." + key, after.toString());
    }

    @Override
    public Set<String> keys() {
      return values.keySet();
    }
  }

  @Override
  public void collect(
      String variable, Optional<String> key, Optional<WafPattern> keyPattern, List<Target> out) {
    if (variable.equals(failOn)) {
      throw new IllegalStateException("store fault on " + variable);
    }
    if (variable.equals("MATCHED_VARS")) {
      out.addAll(matchedVars);
      return;
    }
    List<Target> source = new ArrayList<>(variables.getOrDefault(variable, List.of()));
    MapCollection c = collections.get(variable.toLowerCase(Locale.ROOT));
    if (c != null) {
      c.values.forEach((k, v) -> source.add(new Target(variable + ":" + k, k, v)));
    }
    for (Target t : source) {
      if (key.isPresent() && !key.get().equalsIgnoreCase(t.key())) {
        continue;
      }
      if (keyPattern.isPresent() && keyPattern.get().find(t.key(), null) != RegexOutcome.MATCHED) {
        continue;
      }
      out.add(t);
    }
  }

  @Override
  public Optional<MutableCollection> collection(String name) {
    return Optional.ofNullable(collections.get(name.toLowerCase(Locale.ROOT)));
  }

  @Override
  public String expand(String text) {
    Matcher m = MACRO.matcher(text);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String ref = m.group(1);
      String value;
      int dot = ref.indexOf('.');
      if (ref.equalsIgnoreCase("MATCHED_VAR")) {
        value = matchedVar == null ? "" : matchedVar.value();
      } else if (ref.equalsIgnoreCase("MATCHED_VAR_NAME")) {
        value = matchedVar == null ? "" : matchedVar.name();
      } else if (dot > 0 && ref.substring(0, dot).equalsIgnoreCase("rule")) {
        value = rule.getOrDefault(ref.substring(dot + 1).toLowerCase(Locale.ROOT), "");
      } else if (dot > 0) {
        value =
            collection(ref.substring(0, dot))
                .flatMap(c -> c.get(ref.substring(dot + 1)))
                .orElse("");
      } else {
        List<Target> vs = variables.getOrDefault(ref.toUpperCase(Locale.ROOT), List.of());
        value = vs.isEmpty() ? "" : vs.get(0).value();
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(value));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  @Override
  public void matched(Target target) {
    matchedVar = target;
    matchedVars.add(target);
  }

  @Override
  public void clearMatchedVars() {
    matchedVars.clear();
  }

  @Override
  public void rule(Map<String, String> fields) {
    rule = fields;
  }

  @Override
  public void severity(int severity) {
    highestSeverity = Math.min(highestSeverity, severity);
  }

  @Override
  public void initCollection(String name, String key) {
    collections.put(name, new MapCollection(name.toUpperCase(Locale.ROOT)));
    collections.get(name).set("__key", key);
  }

  @Override
  public void setEnv(String name, String value) {
    env.put(name, value);
  }
}
