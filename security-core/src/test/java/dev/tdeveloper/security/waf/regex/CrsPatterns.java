package dev.tdeveloper.security.waf.regex;

import static org.assertj.core.api.Assertions.fail;

import dev.tdeveloper.security.waf.CrsInstall;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The {@code @rx} operator strings of the installed CRS 3.3.4 rule files, extracted without the
 * SecLang parser: logical lines (backslash continuations joined), the quoted operator argument
 * after {@code "@rx } or {@code "!@rx } read up to the closing quote with {@code \"} unescaped. A
 * chained rule has no id of its own; it is reported under its chain's first rule.
 */
final class CrsPatterns {
  private static final Pattern ID = Pattern.compile("id:(\\d+)");
  private static final Pattern CHAIN = Pattern.compile("[\\s\",]chain[\\s,\"]");

  /** One pattern: where it is, the rule id, the source. */
  record CrsPattern(String file, int line, String ruleId, String source) {}

  private CrsPatterns() {}

  static List<CrsPattern> all() {
    List<CrsPattern> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(CrsInstall.rulesDir())) {
      for (Path f : files.filter(p -> p.toString().endsWith(".conf")).sorted().toList()) {
        read(f, out);
      }
    } catch (IOException e) {
      fail("cannot read CRS rules: " + e);
    }
    if (out.size() < 200) {
      fail("only " + out.size() + " @rx patterns found: is this CRS 3.3.4?");
    }
    return out;
  }

  private static void read(Path file, List<CrsPattern> out) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
    String chainId = "-";
    boolean chained = false;
    for (int i = 0; i < lines.size(); i++) {
      int first = i;
      StringBuilder logical = new StringBuilder(lines.get(i));
      while (logical.length() > 0
          && logical.charAt(logical.length() - 1) == '\\'
          && i + 1 < lines.size()) {
        logical.setLength(logical.length() - 1);
        logical.append(lines.get(++i));
      }
      String s = logical.toString();
      String trimmed = s.strip();
      if (trimmed.startsWith("#") || !trimmed.startsWith("SecRule")) {
        continue;
      }
      Matcher id = ID.matcher(s);
      String ruleId = id.find() ? id.group(1) : chained ? chainId : "-";
      if (!chained) {
        chainId = ruleId;
      }
      chained = CHAIN.matcher(s).find();
      int at = operatorStart(s);
      if (at >= 0) {
        String name = file.getFileName().toString();
        out.add(new CrsPattern(name, first + 1, ruleId, quoted(s, at)));
      }
    }
  }

  private static int operatorStart(String s) {
    int at = s.indexOf("\"@rx ");
    int negated = s.indexOf("\"!@rx ");
    if (negated >= 0 && (at < 0 || negated < at)) {
      return negated + 6;
    }
    return at < 0 ? -1 : at + 5;
  }

  private static String quoted(String s, int from) {
    StringBuilder sb = new StringBuilder();
    for (int j = from; j < s.length(); j++) {
      char c = s.charAt(j);
      if (c == '\\' && j + 1 < s.length() && s.charAt(j + 1) == '"') {
        sb.append('"');
        j++;
      } else if (c == '"') {
        break;
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
