package dev.tdeveloper.benchmarks.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One run of Debian's {@code wrk} with the load test's {@code mix.lua} against a provisioned demo:
 * the roster's tenants and their seeded notes go to the script as its arguments. Benchmark-only.
 */
final class WrkRun {
  private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
  private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in");

  /** What wrk reported: requests/s and the number of requests completed. */
  record Result(double requestsPerSecond, long requests) {}

  private WrkRun() {}

  /**
   * Runs {@code wrk -t<threads> -c<connections> -d<duration>} with {@code script} against {@code
   * demo}, its output in {@code log}.
   *
   * @throws IOException if wrk fails or prints no rate (the log says why)
   */
  static Result run(
      Path script,
      DemoProcess demo,
      Roster roster,
      int threads,
      int connections,
      Duration duration,
      Path log)
      throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                "wrk",
                "-t" + threads,
                "-c" + connections,
                "-d" + duration.toSeconds() + "s",
                "-s",
                script.toString(),
                "http://127.0.0.1:" + demo.port(),
                "--"));
    List<String> notes = demo.seededNotes();
    for (int i = 0; i < roster.tenants().size(); i++) {
      LoadTenant t = roster.tenants().get(i);
      command.add(
          t.id()
              + ","
              + notes.get(i)
              + ","
              + (t.bySubdomain() ? "subdomain" : "header")
              + ","
              + t.role().name());
    }
    Process wrk =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (wrk.waitFor() != 0) {
      throw new IOException("wrk failed; see " + log);
    }
    String out = Files.readString(log, StandardCharsets.UTF_8);
    Matcher rate = RATE.matcher(out);
    Matcher requests = REQUESTS.matcher(out);
    if (!rate.find() || !requests.find()) {
      throw new IOException("no Requests/sec in wrk's output; see " + log);
    }
    return new Result(Double.parseDouble(rate.group(1)), Long.parseLong(requests.group(1)));
  }
}
