package dev.tdeveloper.security.waf.seclang;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * Resolves the argument of {@code Include}/{@code IncludeOptional}: a relative path is relative to
 * the including file's directory; {@code *}, {@code ?}, {@code [...]} and <code>{a,b}</code> in any
 * path segment are globs, and the files they match are included in sorted path order (as Apache and
 * ModSecurity's glob expansion sort them). For {@code Include} a missing file or a glob matching
 * nothing is an error; for {@code IncludeOptional} it is nothing. Stateless.
 */
final class Includes {
  private Includes() {}

  static List<Path> expand(String argument, Path baseDirectory, boolean required, Location at) {
    if (argument.isBlank()) {
      throw ParseErrors.at(at, argument, "empty include path", "a path or glob");
    }
    Path pattern;
    try {
      pattern = baseDirectory.resolve(argument).normalize();
    } catch (RuntimeException e) {
      throw ParseErrors.at(at, argument, "not a path: " + e.getMessage(), "a path or glob");
    }
    List<Path> found = new ArrayList<>();
    if (!hasGlob(argument)) {
      if (Files.isRegularFile(pattern)) {
        found.add(pattern);
      }
    } else {
      List<Path> current = new ArrayList<>();
      current.add(pattern.getRoot() == null ? Path.of("") : pattern.getRoot());
      int count = pattern.getNameCount();
      for (int i = 0; i < count; i++) {
        String segment = pattern.getName(i).toString();
        boolean last = i == count - 1;
        List<Path> next = new ArrayList<>();
        for (Path dir : current) {
          if (!hasGlob(segment)) {
            Path p = dir.resolve(segment);
            if (last ? Files.isRegularFile(p) : Files.isDirectory(p)) {
              next.add(p);
            }
            continue;
          }
          next.addAll(matching(dir, segment, last, at));
        }
        current = next;
      }
      found.addAll(current);
      found.sort(null);
    }
    if (found.isEmpty() && required) {
      throw ParseErrors.at(
          at,
          argument,
          (hasGlob(argument) ? "no file matches " : "no such file ") + pattern,
          "an existing file or a glob that matches one; IncludeOptional for optional files");
    }
    return found;
  }

  private static List<Path> matching(Path dir, String segment, boolean last, Location at) {
    List<Path> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    PathMatcher matcher;
    try {
      matcher = FileSystems.getDefault().getPathMatcher("glob:" + segment);
    } catch (IllegalArgumentException e) {
      throw ParseErrors.at(
          at, segment, "invalid glob: " + e.getMessage(), "*, ?, [...] and {a,b} globs");
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path p : entries) {
        if (matcher.matches(p.getFileName())
            && (last ? Files.isRegularFile(p) : Files.isDirectory(p))) {
          out.add(p);
        }
      }
    } catch (IOException | SecurityException e) {
      throw ParseErrors.at(at, dir.toString(), "cannot list: " + e, "a readable directory");
    }
    return out;
  }

  private static boolean hasGlob(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '*' || c == '?' || c == '[' || c == '{') {
        return true;
      }
    }
    return false;
  }
}
