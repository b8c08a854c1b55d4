package dev.tdeveloper.security.waf.operator;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** A test transaction: macros from a map, captures and GEO fields recorded. Not thread-safe. */
final class RecordingContext implements OperatorContext {
  final Map<String, String> macros = new HashMap<>();
  final Map<Integer, String> captures = new TreeMap<>();
  final Map<String, String> geo = new HashMap<>();
  final StringBuilder limitsExceeded = new StringBuilder();
  boolean capturing;
  int expansions;

  static RecordingContext withCapture() {
    RecordingContext ctx = new RecordingContext();
    ctx.capturing = true;
    return ctx;
  }

  RecordingContext macro(String name, String value) {
    macros.put(name.toLowerCase(java.util.Locale.ROOT), value);
    return this;
  }

  @Override
  public String expand(String text) {
    expansions++;
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      int start = text.indexOf("%{", i);
      int end = start < 0 ? -1 : text.indexOf('}', start);
      if (start < 0 || end < 0) {
        out.append(text, i, text.length());
        break;
      }
      out.append(text, i, start);
      String key = text.substring(start + 2, end).toLowerCase(java.util.Locale.ROOT);
      out.append(macros.getOrDefault(key, ""));
      i = end + 1;
    }
    return out.toString();
  }

  @Override
  public boolean capturing() {
    return capturing;
  }

  @Override
  public void capture(int index, String value) {
    captures.put(index, value);
  }

  @Override
  public void geo(Map<String, String> fields) {
    geo.putAll(fields);
  }

  @Override
  public void regexLimitExceeded(String pattern) {
    limitsExceeded.append(pattern);
  }
}
