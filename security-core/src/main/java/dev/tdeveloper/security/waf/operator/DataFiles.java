package dev.tdeveloper.security.waf.operator;

import dev.tdeveloper.security.waf.ByteStrings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the data files of {@code @pmFromFile} and {@code @ipMatchFromFile}: the parameter names one
 * or more files separated by spaces, each absolute or relative to {@link
 * OperatorEnv#baseDirectory()} (the directory of the rule file); their bytes become byte strings.
 * Remote ({@code http://}, {@code https://}) data files, which ModSecurity can download at load
 * time, are refused: rules must not depend on the network to load.
 */
final class DataFiles {
  private DataFiles() {}

  /** One line of a data file, for messages. */
  record Line(Path file, int number, String text) {
    @Override
    public String toString() {
      return file + ":" + number;
    }
  }

  /**
   * The lines of every file the parameter names, a trailing {@code \r} removed from each.
   *
   * @throws dev.tdeveloper.security.waf.WafException naming the rule and the path when a file
   *     cannot be read, or when the parameter names none
   */
  static List<Line> lines(OperatorEnv env, String operator, String param) {
    List<Line> out = new ArrayList<>();
    int files = 0;
    for (String name : param.split(" ")) {
      if (name.isEmpty()) {
        continue;
      }
      files++;
      if (name.startsWith("https://") || name.startsWith("http://")) {
        throw LoadErrors.of(
            env, operator, "remote data files are not supported", name, "local file paths");
      }
      Path path;
      byte[] bytes;
      try {
        path = env.baseDirectory().resolve(name);
        bytes = Files.readAllBytes(path);
      } catch (IOException | InvalidPathException e) {
        throw LoadErrors.of(
            env,
            operator,
            "cannot read data file " + shown(env, name) + " (" + e.getClass().getSimpleName() + ")",
            name,
            "readable files, absolute or relative to " + env.baseDirectory(),
            e);
      }
      split(path, ByteStrings.of(bytes), out);
    }
    if (files == 0) {
      throw LoadErrors.of(env, operator, "no data file named", param, "one or more file names");
    }
    return out;
  }

  private static String shown(OperatorEnv env, String name) {
    try {
      return env.baseDirectory().resolve(name).toString();
    } catch (InvalidPathException e) {
      return name;
    }
  }

  private static void split(Path file, String content, List<Line> out) {
    int number = 0;
    int start = 0;
    while (start < content.length()) {
      int end = content.indexOf('\n', start);
      int next = end < 0 ? content.length() : end + 1;
      int stop = end < 0 ? content.length() : end;
      if (stop > start && content.charAt(stop - 1) == '\r') {
        stop--;
      }
      out.add(new Line(file, ++number, content.substring(start, stop)));
      start = next;
    }
  }

  /** Whether a line is blank (ASCII white space only) or a comment (first non-blank is '#'). */
  static boolean isBlankOrComment(String line) {
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c != ' ' && (c < '\t' || c > '\r')) {
        return c == '#';
      }
    }
    return true;
  }
}
