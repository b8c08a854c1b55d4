package dev.tdeveloper.observability.alert;

import java.util.ArrayList;
import java.util.List;

/** Parses Alertmanager's matcher strings; one instance per text, not thread-safe. */
final class MatcherParser {
  private final String text;
  private int pos;

  MatcherParser(String text) {
    this.text = text;
  }

  List<Matcher> parseOne() {
    skipSpaces();
    Matcher m = matcher();
    skipSpaces();
    if (pos != text.length()) {
      throw error("unexpected '" + text.substring(pos) + "' after the matcher");
    }
    return List.of(m);
  }

  List<Matcher> parseList() {
    skipSpaces();
    boolean braces = peek('{');
    if (braces) {
      pos++;
    }
    List<Matcher> out = new ArrayList<>();
    skipSpaces();
    while (pos < text.length() && !peek('}')) {
      out.add(matcher());
      skipSpaces();
      if (peek(',')) {
        pos++;
        skipSpaces();
      } else {
        break;
      }
    }
    if (braces) {
      if (!peek('}')) {
        throw error("missing closing '}'");
      }
      pos++;
    }
    skipSpaces();
    if (pos != text.length()) {
      throw error("unexpected '" + text.substring(pos) + "'");
    }
    return List.copyOf(out);
  }

  private Matcher matcher() {
    int start = pos;
    while (pos < text.length() && isNameChar(text.charAt(pos))) {
      pos++;
    }
    if (start == pos) {
      throw error("expected a label name at index " + start);
    }
    String name = text.substring(start, pos);
    skipSpaces();
    Matcher.Type type = operator();
    skipSpaces();
    String value = peek('"') ? quoted() : unquoted();
    return new Matcher(name, type, value);
  }

  private Matcher.Type operator() {
    if (text.startsWith("=~", pos)) {
      pos += 2;
      return Matcher.Type.REGEX;
    }
    if (text.startsWith("!~", pos)) {
      pos += 2;
      return Matcher.Type.NOT_REGEX;
    }
    if (text.startsWith("!=", pos)) {
      pos += 2;
      return Matcher.Type.NOT_EQUAL;
    }
    if (text.startsWith("=", pos)) {
      pos += 1;
      return Matcher.Type.EQUAL;
    }
    throw error("expected one of =, !=, =~, !~ at index " + pos);
  }

  private String quoted() {
    pos++; // opening quote
    StringBuilder out = new StringBuilder();
    while (pos < text.length()) {
      char c = text.charAt(pos++);
      if (c == '"') {
        return out.toString();
      }
      if (c == '\\') {
        if (pos == text.length()) {
          break;
        }
        char e = text.charAt(pos++);
        switch (e) {
          case '"', '\\' -> out.append(e);
          case 'n' -> out.append('\n');
          default -> out.append('\\').append(e); // a regex escape such as \d stays as written
        }
      } else {
        out.append(c);
      }
    }
    throw error("unterminated quoted value");
  }

  private String unquoted() {
    int start = pos;
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == ',' || c == '}' || c == '"' || Character.isWhitespace(c)) {
        break;
      }
      pos++;
    }
    return text.substring(start, pos);
  }

  private boolean peek(char c) {
    return pos < text.length() && text.charAt(pos) == c;
  }

  private void skipSpaces() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private static boolean isNameChar(char c) {
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException("matcher '" + text + "': " + what);
  }
}
