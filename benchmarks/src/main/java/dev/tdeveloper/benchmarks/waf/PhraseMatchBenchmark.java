package dev.tdeveloper.benchmarks.waf;

import dev.tdeveloper.security.waf.ByteStrings;
import dev.tdeveloper.security.waf.operator.Operator;
import dev.tdeveloper.security.waf.operator.OperatorEnv;
import dev.tdeveloper.security.waf.operator.Operators;
import dev.tdeveloper.security.waf.seclang.Location;
import dev.tdeveloper.security.waf.seclang.OperatorRef;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * {@code @pmFromFile} on a CRS 3.3.4 phrase file: our Aho-Corasick automaton (built by {@link
 * Operators#create} exactly as for a rule) against {@link NaivePhraseMatcher}, a per-phrase {@code
 * indexOf} loop. One operation searches every value of the benign benchmark requests (each query
 * argument, each header value, the 2 KiB JSON body): {@link #inputs()} values, none of which holds
 * a phrase, so both scan everything, as on benign traffic. {@code lfi-os-files.data} (1,115
 * phrases, rule 930120 at PL1) and {@code php-function-names-933151.data} (1,264, rule 933151 at
 * PL2) are the largest; {@code unix-shell.data} (115) a small one.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
public class PhraseMatchBenchmark {
  @Param({"lfi-os-files.data", "php-function-names-933151.data", "unix-shell.data"})
  public String file;

  private Operator automaton;
  private NaivePhraseMatcher naive;
  private String[] values;

  @Setup
  public void setUp() {
    Path rules = Crs.rulesDir().resolve("rules");
    automaton =
        Operators.create(
            new OperatorRef("pmFromFile", file, false),
            new OperatorEnv(new Location("PhraseMatchBenchmark", 1), rules));
    naive = NaivePhraseMatcher.fromDataFile(rules.resolve(file));
    values = inputs().toArray(new String[0]);
    for (String value : values) {
      if (automaton.evaluate(NoCaptureContext.INSTANCE, value) || naive.matches(value)) {
        throw new IllegalStateException(file + " matches a benign value: " + value);
      }
    }
  }

  /**
   * The searched values: the benign requests' query arguments, header values and JSON body.
   *
   * @return byte strings
   */
  static List<String> inputs() {
    List<String> out = new ArrayList<>();
    for (WafRequests.WafRequest request : List.of(WafRequests.BENIGN_GET, WafRequests.JSON_POST)) {
      String uri = request.uri();
      int query = uri.indexOf('?');
      if (query >= 0) {
        for (String pair : uri.substring(query + 1).split("&")) {
          out.add(pair.substring(pair.indexOf('=') + 1));
        }
      }
      for (String[] header : request.headers()) {
        out.add(header[1]);
      }
      if (request.body().length > 0) {
        out.add(ByteStrings.of(request.body()));
      }
    }
    return out;
  }

  /** The automaton over every value. */
  @Benchmark
  public int tdeveloperAhoCorasick() {
    int found = 0;
    for (String value : values) {
      found += automaton.evaluate(NoCaptureContext.INSTANCE, value) ? 1 : 0;
    }
    return found;
  }

  /** Every phrase's {@code indexOf} over every value. */
  @Benchmark
  public int naiveIndexOfLoop() {
    int found = 0;
    for (String value : values) {
      found += naive.matches(value) ? 1 : 0;
    }
    return found;
  }
}
