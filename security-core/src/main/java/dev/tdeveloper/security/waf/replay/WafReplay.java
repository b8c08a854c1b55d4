package dev.tdeveloper.security.waf.replay;

import dev.tdeveloper.security.waf.Waf;
import dev.tdeveloper.security.waf.WafBuilder;
import dev.tdeveloper.security.waf.WafException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The replay tool's entry point: loads the CRS and/or rule files, reads requests as JSON lines and
 * prints one JSON line per request (format and command line in {@code docs/waf-replay.md}). A
 * malformed line gives an error line and the run goes on. Run it with {@link #main}, or call {@link
 * #run} in tests. Stateless and thread-safe.
 */
public final class WafReplay {
  /** Exit code when every line was replayed: {@value}. */
  public static final int EXIT_OK = 0;

  /** Exit code when at least one input line was malformed: {@value}. */
  public static final int EXIT_MALFORMED = 1;

  /** Exit code for bad options: {@value}. */
  public static final int EXIT_USAGE = 2;

  /**
   * Exit code when the rules or the input could not be read, or the engine threw on a request
   * (which it never should; the line then gets an error line with field {@code engine}): {@value}.
   */
  public static final int EXIT_FAILURE = 3;

  private WafReplay() {}

  /**
   * Runs the tool and exits the JVM with {@link #run}'s code.
   *
   * @param args the command line ({@code --help} lists it)
   */
  public static void main(String[] args) {
    int code = run(args, System.in, System.out, System.err);
    System.out.flush();
    System.exit(code);
  }

  /**
   * Runs the tool without exiting.
   *
   * @param args the command line
   * @param in the input when no FILE is given (JSON lines in UTF-8)
   * @param out where the result lines go
   * @param err where the load summary, errors and usage go
   * @return {@link #EXIT_OK}, {@link #EXIT_MALFORMED}, {@link #EXIT_USAGE} or {@link #EXIT_FAILURE}
   */
  public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
    ReplayOptions options;
    try {
      options = ReplayOptions.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("waf-replay: " + e.getMessage());
      err.print(ReplayOptions.USAGE);
      return EXIT_USAGE;
    }
    if (options.help()) {
      out.print(ReplayOptions.USAGE);
      return EXIT_OK;
    }
    Waf waf;
    try {
      waf = load(options);
    } catch (WafException | IllegalStateException e) {
      err.println("waf-replay: cannot load rules: " + e.getMessage());
      return EXIT_FAILURE;
    }
    err.println(
        "waf-replay: "
            + waf.ruleCount()
            + " rules from "
            + waf.rulesPerFile().size()
            + " files in "
            + waf.loadTime().toMillis()
            + " ms");
    try (Reader reader = open(options, in)) {
      return replay(new ReplayRunner(waf), new BufferedReader(reader), out, err);
    } catch (IOException e) {
      err.println("waf-replay: cannot read input: " + e);
      return EXIT_FAILURE;
    }
  }

  private static Waf load(ReplayOptions options) {
    WafBuilder builder = Waf.builder().config(options.config());
    if (options.crs()) {
      builder.crs(options.crsDir(), options.setupDir());
    }
    for (Path file : options.rules()) {
      builder.ruleFile(file);
    }
    return builder.build();
  }

  private static Reader open(ReplayOptions options, InputStream in) throws IOException {
    InputStream source =
        options.input().isPresent() ? Files.newInputStream(options.input().get()) : in;
    return new InputStreamReader(source, StandardCharsets.UTF_8);
  }

  private static int replay(
      ReplayRunner runner, BufferedReader reader, PrintStream out, PrintStream err)
      throws IOException {
    int code = EXIT_OK;
    int lineNumber = 0;
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      lineNumber++;
      if (ReplayReader.isBlank(line)) {
        continue;
      }
      ReplayRequest request;
      try {
        request = ReplayReader.parse(lineNumber, line);
      } catch (ReplayFormatException e) {
        out.println(ReplayJson.error(e));
        err.println("waf-replay: " + e.getMessage());
        code = Math.max(code, EXIT_MALFORMED);
        continue;
      }
      try {
        out.println(ReplayJson.result(runner.run(request)));
      } catch (RuntimeException e) {
        out.println(ReplayJson.failure(lineNumber, e));
        err.println("waf-replay: line " + lineNumber + ": engine: " + e);
        code = EXIT_FAILURE;
      }
    }
    return code;
  }
}
