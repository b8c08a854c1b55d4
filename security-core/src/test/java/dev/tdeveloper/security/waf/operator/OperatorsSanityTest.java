package dev.tdeveloper.security.waf.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.security.waf.CrsInstall;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A JMH-free sanity run: every CRS phrase file's automaton scans many inputs repeatedly with the
 * same verdicts each time, and its tables stay small. No timing is asserted; the sizes are printed
 * for the record.
 */
class OperatorsSanityTest {
  @Test
  void crsAutomataGiveStableVerdictsAndStaySmall() throws IOException {
    Path rules = CrsInstall.rulesDir();
    List<Path> files;
    try (var stream = Files.list(rules)) {
      files = stream.filter(p -> p.toString().endsWith(".data")).sorted().toList();
    }
    List<String> inputs = inputs();
    long totalBytes = 0;
    for (Path file : files) {
      List<String> phrases =
          PhraseOperators.fromLines(
              DataFiles.lines(Ops.env(rules), "pmFromFile", file.getFileName().toString()));
      PhraseAutomaton automaton = PhraseAutomaton.build(phrases);
      int[] first = new int[inputs.size()];
      for (int round = 0; round < 20; round++) {
        for (int i = 0; i < inputs.size(); i++) {
          int found = automaton.find(inputs.get(i));
          if (round == 0) {
            first[i] = found;
          } else {
            assertThat(found).isEqualTo(first[i]);
          }
        }
      }
      long bytes = automaton.tableBytes();
      totalBytes += bytes;
      assertThat(bytes).as(file.toString()).isLessThan(2L * 1024 * 1024);
      System.out.printf(
          "%-36s phrases=%5d states=%6d tableBytes=%8d%n",
          file.getFileName(), phrases.size(), automaton.stateCount(), bytes);
    }
    System.out.printf("all CRS phrase files: tableBytes=%d%n", totalBytes);
  }

  private static List<String> inputs() {
    Random random = new Random(42);
    List<String> out = new ArrayList<>();
    String[] samples = {
      "/api/v1/notes?page=2&sort=title",
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120 Safari",
      "../../../../etc/passwd",
      "<?php system($_GET['c']); ?>",
      "You have an error in your SQL syntax; check the manual",
      "{\"title\":\"Groceries\",\"body\":\"milk, eggs, bread\"}",
    };
    for (int i = 0; i < 300; i++) {
      StringBuilder s = new StringBuilder(samples[i % samples.length]);
      for (int k = random.nextInt(64); k > 0; k--) {
        s.append((char) random.nextInt(256));
      }
      out.add(s.toString());
    }
    return out;
  }
}
