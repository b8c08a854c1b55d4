package dev.tdeveloper.security.waf.engine;

import dev.tdeveloper.security.waf.EngineMode;
import dev.tdeveloper.security.waf.WafException;
import dev.tdeveloper.security.waf.seclang.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One {@code ctl} action, parsed at load time and applied to the transaction when its rule matches.
 * Immutable.
 *
 * @param option the option as written ({@code ruleRemoveById})
 * @param value the value as written
 * @param idRanges for id-based options: inclusive ranges {@code [from, to]}
 * @param name for tag/msg-based options: the tag or message
 * @param target for target removals: the target
 * @param location the rule, for messages
 */
public record CtlAction(
    String option,
    String value,
    List<long[]> idRanges,
    String name,
    java.util.Optional<CtlTargetRemoval> target,
    Location location) {

  /** Validates and copies. */
  public CtlAction {
    java.util.Objects.requireNonNull(option, "option");
    java.util.Objects.requireNonNull(value, "value");
    idRanges = List.copyOf(idRanges);
    java.util.Objects.requireNonNull(name, "name");
    java.util.Objects.requireNonNull(target, "target");
  }

  /**
   * Parses {@code option=value}.
   *
   * @param spec the {@code ctl} action's value
   * @param location the rule
   * @return the action
   * @throws WafException naming the rule and the option when it is unknown or its value invalid
   */
  public static CtlAction parse(String spec, Location location) {
    int eq = spec.indexOf('=');
    if (eq <= 0) {
      throw error(location, spec, "no option=value");
    }
    String option = spec.substring(0, eq).trim();
    String value = spec.substring(eq + 1).trim();
    List<long[]> ids = List.of();
    String name = "";
    java.util.Optional<CtlTargetRemoval> target = java.util.Optional.empty();
    switch (option) {
      case "ruleRemoveById" -> ids = ranges(value, location, spec);
      case "ruleRemoveByTag", "ruleRemoveByMsg" -> name = value;
      case "ruleRemoveTargetById", "ruleRemoveTargetByTag", "ruleRemoveTargetByMsg" -> {
        int semi = value.indexOf(';');
        if (semi <= 0 || semi == value.length() - 1) {
          throw error(location, spec, "no ;target");
        }
        String head = value.substring(0, semi).trim();
        if (option.equals("ruleRemoveTargetById")) {
          ids = ranges(head, location, spec);
        } else {
          name = head;
        }
        target = java.util.Optional.of(CtlTargetRemoval.parse(value.substring(semi + 1)));
      }
      case "ruleEngine" -> mode(value, location, spec);
      case "requestBodyProcessor" -> {
        if (!List.of("URLENCODED", "MULTIPART", "JSON", "XML")
            .contains(value.toUpperCase(Locale.ROOT))) {
          throw error(
              location, spec, "unknown processor; allowed: URLENCODED, MULTIPART, JSON, XML");
        }
      }
      case "requestBodyAccess", "forceRequestBodyVariable" -> onOff(value, location, spec);
      case "requestBodyLimit" -> {
        if (SetvarAction.leadingInteger(value) <= 0) {
          throw error(location, spec, "not a positive byte count");
        }
      }
      case "auditEngine", "auditLogParts" -> name = value;
      default ->
          throw error(
              location,
              spec,
              "unknown ctl option; allowed: ruleRemoveById, ruleRemoveByTag, ruleRemoveByMsg,"
                  + " ruleRemoveTargetById, ruleRemoveTargetByTag, ruleRemoveTargetByMsg,"
                  + " ruleEngine, requestBodyProcessor, requestBodyAccess,"
                  + " forceRequestBodyVariable, requestBodyLimit, auditEngine, auditLogParts");
    }
    return new CtlAction(option, value, ids, name, target, location);
  }

  /**
   * Whether the option changes which rules run or what they inspect: rule and target removals and
   * the engine mode (the others only steer body processing and the audit log).
   *
   * @return whether it does
   */
  public boolean changesRules() {
    return option.startsWith("ruleRemove") || option.equals("ruleEngine");
  }

  /**
   * Applies the option to the transaction.
   *
   * @param tx the transaction's evaluation state
   */
  public void apply(EvaluatorTransaction tx) {
    switch (option) {
      case "ruleRemoveById" -> tx.removals().ruleIds(idRanges);
      case "ruleRemoveByTag" -> tx.removals().ruleTag(name);
      case "ruleRemoveByMsg" -> tx.removals().ruleMsg(name);
      case "ruleRemoveTargetById" -> tx.removals().targetById(idRanges, target.orElseThrow());
      case "ruleRemoveTargetByTag" -> tx.removals().targetByTag(name, target.orElseThrow());
      case "ruleRemoveTargetByMsg" -> tx.removals().targetByMsg(name, target.orElseThrow());
      case "ruleEngine" -> tx.mode(mode(value, location, value));
      case "requestBodyProcessor" -> tx.requestBodyProcessor(value.toUpperCase(Locale.ROOT));
      case "requestBodyAccess" -> tx.requestBodyAccess(onOff(value, location, value));
      case "forceRequestBodyVariable" -> tx.forceRequestBodyVariable(onOff(value, location, value));
      case "requestBodyLimit" -> tx.requestBodyLimit(SetvarAction.leadingInteger(value));
      case "auditEngine" -> tx.auditEngine(name);
      default -> tx.auditLogParts(name);
    }
  }

  private static List<long[]> ranges(String value, Location location, String spec) {
    List<long[]> out = new ArrayList<>();
    for (String part : value.split("[ ,]+")) {
      if (part.isEmpty()) {
        continue;
      }
      try {
        int dash = part.indexOf('-', 1);
        long from = Long.parseLong(dash < 0 ? part : part.substring(0, dash));
        long to = dash < 0 ? from : Long.parseLong(part.substring(dash + 1));
        if (to < from) {
          throw error(location, spec, "range " + part + " ends before it starts");
        }
        out.add(new long[] {from, to});
      } catch (NumberFormatException e) {
        throw error(location, spec, "not an id or id range: " + part);
      }
    }
    if (out.isEmpty()) {
      throw error(location, spec, "no id");
    }
    return out;
  }

  private static EngineMode mode(String value, Location location, String spec) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "on" -> EngineMode.ON;
      case "off" -> EngineMode.OFF;
      case "detectiononly" -> EngineMode.DETECTION_ONLY;
      default -> throw error(location, spec, "unknown mode; allowed: On, Off, DetectionOnly");
    };
  }

  private static boolean onOff(String value, Location location, String spec) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "on", "true", "1" -> true;
      case "off", "false", "0" -> false;
      default -> throw error(location, spec, "not On or Off");
    };
  }

  private static WafException error(Location location, String spec, String problem) {
    return new WafException(location + ": ctl:" + spec + ": " + problem);
  }
}
