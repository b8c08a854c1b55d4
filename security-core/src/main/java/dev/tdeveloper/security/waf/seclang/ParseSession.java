package dev.tdeveloper.security.waf.seclang;

import dev.tdeveloper.security.waf.WafException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One parse: reads files and texts in order, follows {@code Include}s, dispatches each directive
 * and finally builds the {@link RuleSet}. Not thread-safe: {@link SecLangParser} makes one per
 * call.
 */
final class ParseSession {
  static final Names DIRECTIVES = new Names(SecLangNames.DIRECTIVES);
  private static final Set<String> METADATA =
      Set.of(
          "id",
          "msg",
          "tag",
          "rev",
          "ver",
          "severity",
          "logdata",
          "maturity",
          "accuracy",
          "chain",
          "skip",
          "skipAfter");

  private final RuleBuilder rules = new RuleBuilder();
  private final SettingsBuilder settings = new SettingsBuilder();
  private final Exclusions exclusions = new Exclusions();
  private final Map<Integer, List<ActionRef>> defaults = new HashMap<>();
  private final Deque<Path> including = new ArrayDeque<>();

  void file(Path path, Optional<Location> includedAt) {
    Path real = realPath(path, includedAt);
    if (including.contains(real)) {
      List<String> cycle = new ArrayList<>();
      including.descendingIterator().forEachRemaining(p -> cycle.add(p.toString()));
      cycle.add(real.toString());
      throw includeError(
          includedAt,
          path.toString(),
          "include cycle " + String.join(" -> ", cycle),
          "files that do not include themselves");
    }
    String text;
    try {
      text = new String(Files.readAllBytes(path), StandardCharsets.ISO_8859_1);
    } catch (IOException | SecurityException e) {
      throw includeError(includedAt, path.toString(), "cannot read: " + e, "a readable rule file");
    }
    including.push(real);
    try {
      text(text, path.toString(), path.toAbsolutePath().getParent());
    } finally {
      including.pop();
    }
  }

  void text(String text, String name, Path baseDirectory) {
    rules.startFile(name);
    for (LogicalLine line : SourceReader.read(text)) {
      directive(DirectiveTokenizer.tokenize(line, name), baseDirectory);
    }
    rules.endFile(name);
  }

  RuleSet build() {
    List<RuleDef> all = exclusions.apply(rules.rules());
    return new RuleSet(all, defaults, settings.build(), rules.rulesPerFile());
  }

  private void directive(Directive dir, Path baseDirectory) {
    Location at = dir.location();
    String name =
        DIRECTIVES
            .resolve(dir.name())
            .orElseThrow(
                () ->
                    ParseErrors.at(
                        at,
                        dir.name(),
                        "unknown directive" + DIRECTIVES.didYouMean(dir.name()),
                        DIRECTIVES.allowed()));
    if (!name.equals("SecRule")) {
      rules.requireNoOpenChain(name, at);
    }
    switch (name) {
      case "SecRule" -> secRule(dir);
      case "SecAction" ->
          rules.addRule(
              RuleDef.Kind.ACTION,
              List.of(),
              Optional.empty(),
              ActionParser.parse(SettingsBuilder.one(dir), at),
              at);
      case "SecMarker" -> rules.addMarker(SettingsBuilder.one(dir), at);
      case "SecDefaultAction" -> defaultAction(dir);
      case "SecRuleRemoveById" -> exclusions.removeById(dir);
      case "SecRuleRemoveByTag" -> exclusions.removeByTag(dir);
      case "SecRuleRemoveByMsg" -> exclusions.removeByMsg(dir);
      case "SecRuleUpdateTargetById" -> exclusions.updateTarget(dir, "id");
      case "SecRuleUpdateTargetByTag" -> exclusions.updateTarget(dir, "tag");
      case "SecRuleUpdateTargetByMsg" -> exclusions.updateTarget(dir, "msg");
      case "SecRuleUpdateActionById" -> exclusions.updateAction(dir);
      case "Include", "IncludeOptional" -> {
        for (Path p :
            Includes.expand(SettingsBuilder.one(dir), baseDirectory, name.equals("Include"), at)) {
          file(p, Optional.of(at));
        }
      }
      default -> {
        if (!settings.apply(name, dir)) {
          throw new IllegalStateException("directive without a handler: " + name);
        }
      }
    }
  }

  private void secRule(Directive dir) {
    Location at = dir.location();
    int n = dir.args().size();
    if (n != 2 && n != 3) {
      throw ParseErrors.at(
          at,
          "SecRule",
          "expects 2 or 3 arguments, got " + n,
          "SecRule VARIABLES \"OPERATOR\" \"ACTIONS\"");
    }
    List<VariableRef> variables = VariableParser.parse(dir.args().get(0), at);
    OperatorRef operator = OperatorParser.parse(dir.args().get(1), at);
    List<ActionRef> actions = n == 3 ? ActionParser.parse(dir.args().get(2), at) : List.of();
    rules.addRule(RuleDef.Kind.RULE, variables, Optional.of(operator), actions, at);
  }

  private void defaultAction(Directive dir) {
    Location at = dir.location();
    List<ActionRef> actions = ActionParser.parse(SettingsBuilder.one(dir), at);
    Optional<String> phase = Optional.empty();
    boolean disruptive = false;
    for (ActionRef a : actions) {
      if (METADATA.contains(a.name())) {
        throw ParseErrors.at(
            at,
            a.toString(),
            a.name() + " in SecDefaultAction",
            "a phase, a disruptive action, and non-metadata actions");
      }
      if (a.name().equals("phase")) {
        phase = Optional.of(a.value());
      }
      disruptive |= ActionParser.DISRUPTIVE.contains(a.name());
    }
    if (phase.isEmpty() || !disruptive) {
      throw ParseErrors.at(
          at,
          dir.args().get(0),
          "SecDefaultAction without a " + (phase.isEmpty() ? "phase" : "disruptive action"),
          "phase:N and one of "
              + String.join(", ", ActionParser.DISRUPTIVE.stream().sorted().toList()));
    }
    int p = Integer.parseInt(phase.get());
    if (defaults.putIfAbsent(p, actions) != null) {
      throw ParseErrors.at(
          at,
          "phase:" + p,
          "a second SecDefaultAction for this phase",
          "one SecDefaultAction per phase");
    }
  }

  private static Path realPath(Path path, Optional<Location> includedAt) {
    try {
      return path.toRealPath();
    } catch (IOException | SecurityException e) {
      throw includeError(includedAt, path.toString(), "cannot read: " + e, "a readable rule file");
    }
  }

  private static WafException includeError(
      Optional<Location> at, String token, String problem, String allowed) {
    return at.map(l -> ParseErrors.at(l, token, problem, allowed))
        .orElseGet(() -> new WafException(token + ": " + problem + "; allowed: " + allowed));
  }
}
