package dev.tdeveloper.dr.runbook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.Consumer;

/**
 * Steps whose action appends {@code <name>} as a line to a file and whose verification checks the
 * line is there, so a test (or the crash test's parent) can count how often each took effect; the
 * rollback appends {@code undo <name>}.
 */
final class FileSteps {
  private FileSteps() {}

  static RunbookStep step(Path file, String name, Consumer<String> hook) {
    return RunbookStep.builder(name)
        .description("append '" + name + "' to " + file.getFileName())
        .action(
            context -> {
              hook.accept("before " + name);
              append(file, name);
              hook.accept("after " + name);
            })
        .verification(context -> lines(file).contains(name))
        .rollback(context -> append(file, "undo " + name))
        .build();
  }

  static void append(Path file, String line) throws IOException {
    Files.writeString(
        file,
        line + "\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND,
        StandardOpenOption.SYNC);
  }

  static List<String> lines(Path file) throws IOException {
    return Files.exists(file) ? Files.readAllLines(file) : List.of();
  }
}
