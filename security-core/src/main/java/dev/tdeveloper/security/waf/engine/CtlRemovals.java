package dev.tdeveloper.security.waf.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The rules and targets a transaction's {@code ctl:ruleRemove*} actions removed at run time, in the
 * order of the actions: whole rules by id range, tag or message, and targets of rules chosen the
 * same way. Made by a transaction's first such action (most transactions run none). Confined to one
 * transaction.
 */
final class CtlRemovals {
  /** A run-time target removal and the rules it applies to (by ids, else by tag, else msg). */
  private record Removal(List<long[]> ids, String tag, String msg, CtlTargetRemoval target) {
    boolean appliesTo(CompiledRule rule) {
      if (ids != null) {
        return inRanges(ids, rule.id);
      }
      return tag != null ? rule.tagSet.contains(tag) : rule.msg.equals(msg);
    }
  }

  private final List<long[]> ids = new ArrayList<>();
  private final List<String> tags = new ArrayList<>();
  private final List<String> msgs = new ArrayList<>();
  private final List<Removal> targets = new ArrayList<>();

  private static boolean inRanges(List<long[]> ranges, long id) {
    for (long[] range : ranges) {
      if (id >= range[0] && id <= range[1]) {
        return true;
      }
    }
    return false;
  }

  /** {@code ctl:ruleRemoveById}: the rules whose ids lie in the ranges (inclusive). */
  void ruleIds(List<long[]> ranges) {
    ids.addAll(ranges);
  }

  /** {@code ctl:ruleRemoveByTag}. */
  void ruleTag(String tag) {
    tags.add(tag);
  }

  /** {@code ctl:ruleRemoveByMsg}. */
  void ruleMsg(String msg) {
    msgs.add(msg);
  }

  /** {@code ctl:ruleRemoveTargetById}. */
  void targetById(List<long[]> ranges, CtlTargetRemoval target) {
    targets.add(new Removal(List.copyOf(ranges), null, null, target));
  }

  /** {@code ctl:ruleRemoveTargetByTag}. */
  void targetByTag(String tag, CtlTargetRemoval target) {
    targets.add(new Removal(null, tag, null, target));
  }

  /** {@code ctl:ruleRemoveTargetByMsg}. */
  void targetByMsg(String msg, CtlTargetRemoval target) {
    targets.add(new Removal(null, null, msg, target));
  }

  /** Whether a rule was removed as a whole. */
  boolean removes(CompiledRule rule) {
    if (ids.isEmpty() && tags.isEmpty() && msgs.isEmpty()) {
      return false;
    }
    if (inRanges(ids, rule.id)) {
      return true;
    }
    for (String t : tags) {
      if (rule.tagSet.contains(t)) {
        return true;
      }
    }
    return !msgs.isEmpty() && msgs.contains(rule.msg);
  }

  /** Whether any target removal was made. */
  boolean removesTargets() {
    return !targets.isEmpty();
  }

  /**
   * Appends the target removals that apply to a rule.
   *
   * @param rule the chain's first link
   * @param out where they go
   */
  void targetsOf(CompiledRule rule, List<CtlTargetRemoval> out) {
    for (Removal r : targets) {
      if (r.appliesTo(rule)) {
        out.add(r.target());
      }
    }
  }
}
