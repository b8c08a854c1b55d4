package dev.tdeveloper.security.waf.operator;

import dev.tdeveloper.security.shield.IpRange;
import dev.tdeveloper.security.shield.IpRangeSet;
import dev.tdeveloper.security.waf.WafException;
import dev.tdeveloper.security.waf.libinjection.DetectSqli;
import dev.tdeveloper.security.waf.libinjection.DetectXss;
import dev.tdeveloper.security.waf.operator.NumericOperators.Comparison;
import dev.tdeveloper.security.waf.seclang.OperatorRef;
import dev.tdeveloper.security.waf.seclang.SecLangNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Creates operators from parsed references, once per rule at load time: every operator of {@link
 * SecLangNames#OPERATORS} ({@code @detectSQLi} and {@code @detectXSS} come from {@code
 * waf.libinjection}). Parameters are checked and precompiled here (regexes, Aho-Corasick automata,
 * IP range sets, byte tables, numbers), so evaluation does no parsing unless the parameter holds a
 * {@code %{macro}}. Stateless and thread-safe; the operators it returns are thread-safe and never
 * throw.
 *
 * <p>Each operator follows ModSecurity v3; the classes behind them document where and why we
 * differ.
 */
public final class Operators {
  /** The operators this registry creates. */
  public static final Set<String> SUPPORTED = supported();

  private static final String ALLOWED = String.join(", ", new TreeSet<>(SUPPORTED));

  private static final String IP_ALLOWED =
      "comma-separated addresses or CIDR blocks like 192.0.2.0/24 or 2001:db8::/32";

  private Operators() {}

  /**
   * Compiles an operator.
   *
   * @param ref the parsed operator (its negation is the engine's business); aliases ({@code pmf},
   *     {@code ipMatchF}) are accepted too
   * @param env the rule's location, data directory and services
   * @return the operator
   * @throws WafException as {@code file:line: @name: problem; value; allowed} when the parameter is
   *     invalid, a data file cannot be read, or the operator is unknown
   */
  public static Operator create(OperatorRef ref, OperatorEnv env) {
    String name = SecLangNames.OPERATOR_ALIASES.getOrDefault(ref.name(), ref.name());
    String p = ref.param();
    return switch (name) {
      case "rx" -> rx(p, env);
      case "pm" -> pm(p, env);
      case "pmFromFile" -> pmFromFile(p, env);
      case "streq" -> StringOperators.streq(p);
      case "beginsWith" -> StringOperators.beginsWith(p);
      case "endsWith" -> StringOperators.endsWith(p);
      case "contains" -> StringOperators.contains(p);
      case "containsWord" -> StringOperators.containsWord(p);
      case "within" -> StringOperators.within(p);
      case "eq" -> numeric(Comparison.EQ, name, p, env);
      case "ge" -> numeric(Comparison.GE, name, p, env);
      case "gt" -> numeric(Comparison.GT, name, p, env);
      case "le" -> numeric(Comparison.LE, name, p, env);
      case "lt" -> numeric(Comparison.LT, name, p, env);
      case "ipMatch" -> ipMatch(p, env);
      case "ipMatchFromFile" -> ipMatchFromFile(p, env);
      case "validateByteRange" -> validateByteRange(p, env);
      case "validateUrlEncoding" -> (ctx, in) -> EncodingValidators.invalidUrlEncoding(in);
      case "validateUtf8Encoding" -> (ctx, in) -> EncodingValidators.invalidUtf8(in);
      case "unconditionalMatch" -> (ctx, in) -> true;
      case "noMatch" -> (ctx, in) -> false;
      case "geoLookup" -> NetworkOperators.geoLookup(env.geoLookup());
      case "rbl" -> rbl(p, env);
      case "detectSQLi" -> DetectSqli.INSTANCE;
      case "detectXSS" -> DetectXss.INSTANCE;
      default -> throw LoadErrors.of(env, ref.name(), "unknown operator", ref.toString(), ALLOWED);
    };
  }

  private static Operator rx(String p, OperatorEnv env) {
    try {
      return RxOperator.create(p);
    } catch (WafException e) {
      throw LoadErrors.of(env, "rx", "invalid regex: " + e.getMessage(), p, "PCRE syntax", e);
    }
  }

  private static Operator pm(String p, OperatorEnv env) {
    List<String> phrases;
    try {
      phrases = PhraseOperators.parsePm(p);
    } catch (IllegalArgumentException e) {
      throw LoadErrors.of(
          env,
          "pm",
          e.getMessage(),
          p,
          "phrases separated by spaces, |hex| bytes, escapes \\: \\; \\\\ \\\" \\|",
          e);
    }
    return PhraseOperators.of(phrases);
  }

  private static Operator pmFromFile(String p, OperatorEnv env) {
    List<String> phrases = PhraseOperators.fromLines(DataFiles.lines(env, "pmFromFile", p));
    return PhraseOperators.of(phrases);
  }

  private static Operator numeric(Comparison c, String name, String p, OperatorEnv env) {
    try {
      return NumericOperators.create(c, p);
    } catch (IllegalArgumentException e) {
      throw LoadErrors.of(
          env, name, e.getMessage(), p, "a decimal integer or a %{macro}" + range(c), e);
    }
  }

  private static String range(Comparison c) {
    return c == Comparison.EQ ? " (32-bit)" : " (64-bit)";
  }

  private static Operator ipMatch(String p, OperatorEnv env) {
    try {
      return IpMatch.of(IpMatch.parseList(p));
    } catch (IllegalArgumentException e) {
      throw LoadErrors.of(env, "ipMatch", e.getMessage(), p, IP_ALLOWED, e);
    }
  }

  private static Operator ipMatchFromFile(String p, OperatorEnv env) {
    List<IpRange> ranges = new ArrayList<>();
    for (DataFiles.Line line : DataFiles.lines(env, "ipMatchFromFile", p)) {
      String text = line.text();
      int hash = text.indexOf('#');
      text = (hash < 0 ? text : text.substring(0, hash)).strip();
      if (text.isEmpty()) {
        continue;
      }
      try {
        IpMatch.addEntries(text, ranges);
      } catch (IllegalArgumentException e) {
        throw LoadErrors.of(
            env, "ipMatchFromFile", e.getMessage() + " at " + line, text, IP_ALLOWED, e);
      }
    }
    return IpMatch.of(IpRangeSet.ofRanges(ranges));
  }

  private static Operator validateByteRange(String p, OperatorEnv env) {
    ByteRange range;
    try {
      range = ByteRange.parse(p);
    } catch (IllegalArgumentException e) {
      throw LoadErrors.of(
          env,
          "validateByteRange",
          e.getMessage(),
          p,
          "comma-separated bytes and ranges 0-255 like 1-255 or 9,10,13,32-126",
          e);
    }
    return (ctx, in) -> range.hasByteOutside(in);
  }

  private static Operator rbl(String p, OperatorEnv env) {
    String zone = p.strip();
    if (!NetworkOperators.isValidZone(zone)) {
      throw LoadErrors.of(env, "rbl", "invalid DNS zone", p, "a zone like zen.spamhaus.org");
    }
    return NetworkOperators.rbl(zone, env.dnsBlocklist());
  }

  private static Set<String> supported() {
    return Set.copyOf(SecLangNames.OPERATORS);
  }
}
