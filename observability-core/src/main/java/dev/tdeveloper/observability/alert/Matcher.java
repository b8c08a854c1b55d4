package dev.tdeveloper.observability.alert;

import dev.tdeveloper.observability.Labels;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One label matcher as Alertmanager defines it for routes, inhibition rules and silences: {@code
 * name="value"}, {@code name!="value"}, {@code name=~"regex"} or {@code name!~"regex"}. A missing
 * label matches as the empty string, so {@code team!="db"} matches alerts without a {@code team}
 * label. Regular expressions are fully anchored ({@code ^(?:regex)$}), as in Alertmanager; they use
 * {@link java.util.regex} syntax, which accepts everything RE2 does for ordinary label patterns.
 *
 * <p>Immutable and thread-safe.
 */
public final class Matcher {
  private static final Pattern NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
  private static final String REGEX_SYNTAX = "\\^$.?*+()[]{}";

  private final String name;
  private final Type type;
  private final String value;
  private final Pattern pattern;
  private final Set<String> literals;

  /** How a matcher compares a label's value. */
  public enum Type {
    /** {@code =}: equal. */
    EQUAL("="),
    /** {@code !=}: not equal. */
    NOT_EQUAL("!="),
    /** {@code =~}: matches the anchored regular expression. */
    REGEX("=~"),
    /** {@code !~}: does not match the anchored regular expression. */
    NOT_REGEX("!~");

    private final String operator;

    Type(String operator) {
      this.operator = operator;
    }

    /** Returns the operator as written, such as {@code =~}. */
    public String operator() {
      return operator;
    }
  }

  /**
   * Creates a matcher, compiling its regular expression.
   *
   * @param name the label name
   * @param type how the value is compared
   * @param value the literal value or regular expression
   * @throws IllegalArgumentException if the name is not a label name or the regex does not compile
   */
  public Matcher(String name, Type type, String value) {
    this.name = Objects.requireNonNull(name, "name");
    this.type = Objects.requireNonNull(type, "type");
    this.value = Objects.requireNonNull(value, "value");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "matcher: invalid label name '" + name + "' (allowed: [a-zA-Z_][a-zA-Z0-9_]*)");
    }
    this.pattern = type == Type.REGEX || type == Type.NOT_REGEX ? compile(name, value) : null;
    this.literals = pattern != null ? literalAlternatives(value) : null;
  }

  /**
   * Returns the alternatives of a regex made only of literal text and {@code |} (such as {@code
   * a|b}), which the anchored regex matches exactly, so matching is a set lookup; else null.
   */
  private static Set<String> literalAlternatives(String regex) {
    for (int i = 0; i < regex.length(); i++) {
      if (REGEX_SYNTAX.indexOf(regex.charAt(i)) >= 0) {
        return null;
      }
    }
    return Set.copyOf(Arrays.asList(regex.split("\\|", -1)));
  }

  /** Returns the label name. */
  public String name() {
    return name;
  }

  /** Returns how the value is compared. */
  public Type type() {
    return type;
  }

  /** Returns the literal value or regular expression. */
  public String value() {
    return value;
  }

  /** Returns {@code name="value"}. */
  public static Matcher equal(String name, String value) {
    return new Matcher(name, Type.EQUAL, value);
  }

  /** Returns {@code name!="value"}. */
  public static Matcher notEqual(String name, String value) {
    return new Matcher(name, Type.NOT_EQUAL, value);
  }

  /** Returns {@code name=~"regex"}. */
  public static Matcher regex(String name, String regex) {
    return new Matcher(name, Type.REGEX, regex);
  }

  /** Returns {@code name!~"regex"}. */
  public static Matcher notRegex(String name, String regex) {
    return new Matcher(name, Type.NOT_REGEX, regex);
  }

  /**
   * Parses Alertmanager's string form: {@code name<op>"value"} with {@code op} one of {@code =},
   * {@code !=}, {@code =~}, {@code !~}; the value is double-quoted (with {@code \"}, {@code \\} and
   * {@code \n} escapes) or unquoted without spaces, commas or quotes.
   *
   * @throws IllegalArgumentException naming the text and what is wrong
   */
  public static Matcher parse(String text) {
    Objects.requireNonNull(text, "text");
    List<Matcher> parsed = new MatcherParser(text).parseOne();
    return parsed.get(0);
  }

  /**
   * Parses a comma-separated list such as {@code {alertname="X", tenant=~"a|b"}} (braces optional).
   *
   * @throws IllegalArgumentException naming the text and what is wrong
   */
  public static List<Matcher> parseList(String text) {
    Objects.requireNonNull(text, "text");
    return new MatcherParser(text).parseList();
  }

  /** Returns whether the labels satisfy this matcher (a missing label is the empty string). */
  public boolean matches(Labels labels) {
    String labelValue = labels.asMap().get(name);
    return matches(labelValue == null ? "" : labelValue);
  }

  /** Returns whether {@code labelValue} satisfies this matcher. */
  public boolean matches(String labelValue) {
    return switch (type) {
      case EQUAL -> value.equals(labelValue);
      case NOT_EQUAL -> !value.equals(labelValue);
      case REGEX -> regexMatches(labelValue);
      case NOT_REGEX -> !regexMatches(labelValue);
    };
  }

  /** Returns whether all {@code matchers} match {@code labels} (true for none). */
  public static boolean all(List<Matcher> matchers, Labels labels) {
    for (int i = 0; i < matchers.size(); i++) { // indexed: no iterator per call
      if (!matchers.get(i).matches(labels)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns the only values this matcher accepts when it lists them literally ({@code =}, or {@code
   * =~} of literal alternatives); null otherwise.
   */
  Set<String> literalValues() {
    return switch (type) {
      case EQUAL -> Set.of(value);
      case REGEX -> literals;
      default -> null;
    };
  }

  private boolean regexMatches(String labelValue) {
    return literals != null ? literals.contains(labelValue) : pattern.matcher(labelValue).matches();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Matcher other
        && other.name.equals(name)
        && other.type == type
        && other.value.equals(value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, type, value);
  }

  static Pattern compile(String name, String regex) {
    try {
      return Pattern.compile("^(?:" + regex + ")$");
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(
          "matcher "
              + name
              + ": invalid regular expression '"
              + regex
              + "': "
              + e.getDescription()
              + " near index "
              + e.getIndex(),
          e);
    }
  }

  /** Returns the matcher in Alertmanager's form, such as {@code tenant=~"a|b"}. */
  @Override
  public String toString() {
    return name + type.operator + '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  /** Formats matchers as {@code {a="1", b=~"2"}}. */
  static String format(List<Matcher> matchers) {
    List<String> parts = new ArrayList<>(matchers.size());
    matchers.forEach(m -> parts.add(m.toString()));
    return "{" + String.join(", ", parts) + "}";
  }
}
