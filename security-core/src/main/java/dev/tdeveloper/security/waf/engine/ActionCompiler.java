package dev.tdeveloper.security.waf.engine;

import dev.tdeveloper.security.waf.WafException;
import dev.tdeveloper.security.waf.operator.Operator;
import dev.tdeveloper.security.waf.operator.OperatorEnv;
import dev.tdeveloper.security.waf.operator.Operators;
import dev.tdeveloper.security.waf.regex.WafPattern;
import dev.tdeveloper.security.waf.seclang.ActionRef;
import dev.tdeveloper.security.waf.seclang.Location;
import dev.tdeveloper.security.waf.seclang.OperatorRef;
import dev.tdeveloper.security.waf.seclang.RuleDef;
import dev.tdeveloper.security.waf.seclang.VariableRef;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Compiles one {@link RuleDef} (and its chain) into {@link CompiledRule}s: operators created, key
 * regexes compiled, transformations resolved ({@code t:none} resetting the list, the phase's
 * default transformations first), actions parsed once. Load time only; not thread-safe.
 */
final class ActionCompiler {
  private static final Map<String, Integer> SEVERITIES =
      Map.of(
          "EMERGENCY",
          0,
          "ALERT",
          1,
          "CRITICAL",
          2,
          "ERROR",
          3,
          "WARNING",
          4,
          "NOTICE",
          5,
          "INFO",
          6,
          "DEBUG",
          7);

  private final CompiledTransforms transforms;

  ActionCompiler(CompiledTransforms transforms) {
    this.transforms = transforms;
  }

  /** The mutable parts of a rule while it is compiled. */
  /** Collections whose keys are stored in lower case ({@link TxCollection}). */
  private static final java.util.Set<String> LOWER_CASE_KEYS = java.util.Set.of("TX", "GEO", "ENV");

  static final class Parts {
    RuleDef.Kind kind;
    long id;
    int phase;
    Location location;
    String marker = "";
    final List<CompiledRule.Variable> variables = new ArrayList<>();
    final List<CtlTargetRemoval> exclusions = new ArrayList<>();
    Operator operator;
    OperatorRef operatorRef;
    boolean negated;
    CompiledTransforms.Chain transforms = CompiledTransforms.Chain.EMPTY;
    boolean multiMatch;
    boolean capture;
    boolean ruleCtl;
    final List<SetvarAction> setvars = new ArrayList<>();
    final List<ActionStep> afterMatch = new ArrayList<>();
    DisruptiveAction disruptive = DisruptiveAction.NONE;
    int status = -1;
    int skip;
    String skipAfter = "";
    boolean log = true;
    String msg = "";
    String logData = "";
    final List<String> tags = new ArrayList<>();
    int severity = -1;
    final Map<String, String> fields = new HashMap<>();
  }

  /**
   * Compiles a rule and its chain.
   *
   * @param def the parsed rule
   * @param defaults the {@code SecDefaultAction} actions of the rule's phase
   * @param phase the phase of the chain's first link
   * @return the first link
   */
  CompiledRule compile(RuleDef def, List<ActionRef> defaults, int phase) {
    CompiledRule next = def.chained().map(c -> compile(c, defaults, phase)).orElse(null);
    Parts p = new Parts();
    p.kind = def.kind();
    p.location = def.location();
    p.phase = phase;
    p.id = def.id().orElse(0L);
    p.marker = def.marker().orElse("");
    List<String> tnames = new ArrayList<>();
    for (ActionRef a : defaults) {
      if (a.name().equals("t")) {
        addTransformation(tnames, a.value());
      } else if (a.name().equals("log") || a.name().equals("nolog")) {
        p.log = a.name().equals("log");
      }
    }
    for (ActionRef a : def.actions()) {
      action(p, a, tnames);
    }
    p.transforms = transforms.chain(tnames, p.location);
    if (def.kind() == RuleDef.Kind.RULE) {
      variables(p, def.variables());
      OperatorRef op = def.operator().orElseThrow();
      p.negated = op.negated();
      p.operatorRef = op;
      p.operator = Operators.create(op, new OperatorEnv(p.location, baseDirectory(p.location)));
    }
    p.fields.put("id", Long.toString(p.id));
    p.fields.put("phase", Integer.toString(phase));
    p.fields.put("msg", p.msg);
    p.fields.put("logdata", p.logData);
    p.fields.put("severity", p.severity < 0 ? "" : Integer.toString(p.severity));
    return new CompiledRule(p, next);
  }

  private static Path baseDirectory(Location location) {
    Path parent = Path.of(location.file()).toAbsolutePath().getParent();
    return parent == null ? Path.of(".").toAbsolutePath() : parent;
  }

  private static void addTransformation(List<String> names, String name) {
    if (name.equals("none")) {
      names.clear();
    } else {
      names.add(name);
    }
  }

  private void variables(Parts p, List<VariableRef> refs) {
    for (VariableRef v : refs) {
      Optional<WafPattern> pattern = Optional.empty();
      if (v.regexKey()) {
        try {
          pattern = Optional.of(WafPattern.compile("(?i)" + v.key().orElseThrow()));
        } catch (WafException e) {
          throw new WafException(p.location + ": " + v + ": " + e.getMessage(), e);
        }
      }
      if (v.exclusion()) {
        p.exclusions.add(
            new CtlTargetRemoval(
                v.collection(), v.regexKey() ? Optional.empty() : v.key(), pattern));
      } else {
        Optional<String> key = v.regexKey() ? Optional.empty() : v.key();
        if (!v.count() && LOWER_CASE_KEYS.contains(v.collection())) {
          // These collections keep their keys in lower case: one lookup without case folding.
          key = key.map(k -> k.toLowerCase(java.util.Locale.ROOT));
        }
        p.variables.add(new CompiledRule.Variable(v.collection(), key, pattern, v.count()));
      }
    }
  }

  private void action(Parts p, ActionRef a, List<String> tnames) {
    String v = a.value();
    Location loc = p.location;
    switch (a.name()) {
      case "id", "phase", "chain", "auditlog", "noauditlog" -> {}
      case "t" -> addTransformation(tnames, v);
      case "log" -> p.log = true;
      case "nolog" -> p.log = false;
      case "capture" -> p.capture = true;
      case "multiMatch" -> p.multiMatch = true;
      case "msg" -> p.msg = v;
      case "logdata" -> p.logData = v;
      case "tag" -> p.tags.add(v);
      case "severity" -> p.severity = severity(v, loc);
      case "ver", "rev", "maturity", "accuracy" -> p.fields.put(a.name(), v);
      case "setvar" -> p.setvars.add(SetvarAction.parse(v, loc));
      case "ctl" -> {
        CtlAction ctl = CtlAction.parse(v, loc);
        p.ruleCtl |= ctl.changesRules();
        p.afterMatch.add(ctl::apply);
      }
      case "initcol" -> p.afterMatch.add(initcol(v, loc));
      case "expirevar" -> p.afterMatch.add(expirevar(v, loc));
      case "setenv" -> p.afterMatch.add(setenv(v, loc));
      case "skip" -> p.skip = positive(v, loc, "skip");
      case "skipAfter" -> p.skipAfter = v;
      case "status" -> p.status = status(v, loc);
      case "pass" -> p.disruptive = kind(DisruptiveAction.Kind.PASS);
      case "block" -> p.disruptive = kind(DisruptiveAction.Kind.BLOCK);
      case "deny" -> p.disruptive = kind(DisruptiveAction.Kind.DENY);
      case "drop" -> p.disruptive = kind(DisruptiveAction.Kind.DROP);
      case "redirect" ->
          p.disruptive =
              new DisruptiveAction(
                  DisruptiveAction.Kind.REDIRECT, DisruptiveAction.AllowScope.TRANSACTION, v);
      case "allow" -> p.disruptive = allow(v, loc);
      default -> throw new WafException(loc + ": " + a.name() + ": action not supported");
    }
  }

  private static DisruptiveAction kind(DisruptiveAction.Kind kind) {
    return new DisruptiveAction(kind, DisruptiveAction.AllowScope.TRANSACTION, "");
  }

  private static DisruptiveAction allow(String v, Location loc) {
    DisruptiveAction.AllowScope scope =
        switch (v) {
          case "" -> DisruptiveAction.AllowScope.TRANSACTION;
          case "phase" -> DisruptiveAction.AllowScope.PHASE;
          case "request" -> DisruptiveAction.AllowScope.REQUEST;
          default ->
              throw new WafException(
                  loc + ": allow:" + v + ": unknown scope; allowed: (none), phase, request");
        };
    return new DisruptiveAction(DisruptiveAction.Kind.ALLOW, scope, "");
  }

  private static int severity(String v, Location loc) {
    Integer named = SEVERITIES.get(v.toUpperCase(Locale.ROOT));
    if (named != null) {
      return named;
    }
    if (v.length() == 1 && v.charAt(0) >= '0' && v.charAt(0) <= '7') {
      return v.charAt(0) - '0';
    }
    throw new WafException(loc + ": severity:" + v + ": unknown; allowed: 0-7 or EMERGENCY..DEBUG");
  }

  private static int status(String v, Location loc) {
    int s = positive(v, loc, "status");
    if (s < 100 || s > 599) {
      throw new WafException(loc + ": status:" + v + ": allowed: 100 to 599");
    }
    return s;
  }

  private static int positive(String v, Location loc, String name) {
    try {
      int n = Integer.parseInt(v.trim());
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new WafException(loc + ": " + name + ":" + v + ": not a positive integer");
  }

  private static String[] nameValue(String v, Location loc, String action) {
    int eq = v.indexOf('=');
    if (eq <= 0) {
      throw new WafException(loc + ": " + action + ":" + v + ": allowed: name=value");
    }
    return new String[] {v.substring(0, eq).trim(), v.substring(eq + 1).trim()};
  }

  private static ActionStep initcol(String v, Location loc) {
    String[] nv = nameValue(v, loc, "initcol");
    String name = nv[0].toLowerCase(Locale.ROOT);
    MacroTemplate key = MacroTemplate.prepared(nv[1]);
    return tx -> tx.store().initCollection(name, MacroTemplate.expand(tx.store(), nv[1], key));
  }

  private static ActionStep setenv(String v, Location loc) {
    String[] nv = nameValue(v, loc, "setenv");
    MacroTemplate name = MacroTemplate.prepared(nv[0]);
    MacroTemplate value = MacroTemplate.prepared(nv[1]);
    return tx ->
        tx.store()
            .setEnv(
                MacroTemplate.expand(tx.store(), nv[0], name),
                MacroTemplate.expand(tx.store(), nv[1], value));
  }

  private static ActionStep expirevar(String v, Location loc) {
    String[] nv = nameValue(v, loc, "expirevar");
    int dot = nv[0].indexOf('.');
    if (dot <= 0) {
      throw new WafException(loc + ": expirevar:" + v + ": allowed: collection.key=seconds");
    }
    String coll = nv[0].substring(0, dot).toLowerCase(Locale.ROOT);
    String key = nv[0].substring(dot + 1);
    MacroTemplate keyTemplate = MacroTemplate.prepared(key);
    MacroTemplate secondsTemplate = MacroTemplate.prepared(nv[1]);
    return tx -> {
      VariableStore store = tx.store();
      long seconds =
          SetvarAction.leadingInteger(MacroTemplate.expand(store, nv[1], secondsTemplate));
      if (seconds > 0) {
        store
            .collection(coll)
            .ifPresent(
                c ->
                    c.expire(
                        MacroTemplate.expand(store, key, keyTemplate),
                        java.time.Duration.ofSeconds(seconds)));
      }
    };
  }
}
