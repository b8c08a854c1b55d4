package dev.tdeveloper.benchmarks.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo running in a child JVM on this JVM's class path, with embedded defaults and a fresh data
 * directory: started, provisioned with the roster's tenants through {@code POST /admin/tenants},
 * seeded with one note per tenant, stopped on {@link #stop} (which lets a JFR recording be written)
 * and killed on {@link #close()}. {@code bare} runs it with every filter but the tenant filter off
 * (the demo's benchmark-only switch {@code DEMO_BENCHMARK_NO_FILTERS}). The harness stands for the
 * load balancer: the demo trusts {@code 127.0.0.1} as its proxy ({@code DEMO_TRUSTED_PROXIES}), so
 * its shield counts and bans each client the requests name in {@code X-Forwarded-For} ({@link
 * ClientAddresses}), at the demo's per-IP limit unless the environment given sets {@value
 * #IP_LIMIT_ENV}. Not thread-safe.
 */
public final class DemoProcess implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOKEN = "load-test-operator-token-0123456789";

  /** The demo's list of proxies whose {@code X-Forwarded-For} its shield believes. */
  static final String TRUSTED_PROXIES_ENV = "DEMO_TRUSTED_PROXIES";

  /** The demo's per-client-IP ban threshold, in requests per minute (its default: 6000). */
  public static final String IP_LIMIT_ENV = "DEMO_SHIELD_IP_REQUESTS_PER_MINUTE";

  /** The environment variable whose whitespace-separated JVM options the child gets. */
  public static final String JVM_OPTIONS_ENV = "LOAD_TEST_DEMO_JVM_OPTIONS";

  private final Process process;
  private final int port;
  private final List<String> seededNotes = new ArrayList<>();

  private DemoProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /**
   * Starts the demo under {@code dataDir} (which must not exist yet or be empty), its log and
   * standard error going to {@code log}, and waits for its ready line.
   *
   * @throws IOException if the JVM cannot start or ends before serving (the log says why)
   */
  public static DemoProcess start(Path dataDir, Path log, boolean bare) throws IOException {
    return start(dataDir, log, bare, java.util.Optional.empty());
  }

  /**
   * As {@link #start(Path, Path, boolean)}, on the {@code tenants.yaml} {@code config} if given.
   */
  public static DemoProcess start(
      Path dataDir, Path log, boolean bare, java.util.Optional<Path> config) throws IOException {
    return start(dataDir, log, bare, config, java.util.OptionalInt.empty());
  }

  /**
   * As {@link #start(Path, Path, boolean, java.util.Optional)}, banning a client IP past {@code
   * ipRequestsPerMinute} requests within a minute if given, else at the demo's default.
   */
  public static DemoProcess start(
      Path dataDir,
      Path log,
      boolean bare,
      java.util.Optional<Path> config,
      java.util.OptionalInt ipRequestsPerMinute)
      throws IOException {
    java.util.Map<String, String> env = new java.util.HashMap<>();
    env.put("DEMO_BENCHMARK_NO_FILTERS", Boolean.toString(bare));
    ipRequestsPerMinute.ifPresent(n -> env.put(IP_LIMIT_ENV, Integer.toString(n)));
    return start(
        dataDir,
        log,
        0,
        List.of(),
        config.map(c -> List.of("--config", c.toString())).orElse(List.of()),
        env);
  }

  /**
   * Starts the demo as {@link #start(Path, Path, boolean)} does, but on {@code port} ({@code 0}
   * picks one), with {@code extraArgs} after its own options (such as {@code --redis} and {@code
   * --postgres}), {@code env} added to its environment (the full chain unless it sets {@code
   * DEMO_BENCHMARK_NO_FILTERS}) and {@code launcher} (such as a mount-namespace wrapper) in front
   * of the {@code java} command. The JVM options in {@value #JVM_OPTIONS_ENV} apply ({@code env}'s
   * if it names the variable, else this JVM's environment's). The fault phase ({@link FaultRun})
   * uses it to restart a killed demo on the same port and data directory.
   *
   * @throws IOException if the JVM cannot start or ends before serving (the log says why)
   */
  public static DemoProcess start(
      Path dataDir,
      Path log,
      int port,
      List<String> launcher,
      List<String> extraArgs,
      java.util.Map<String, String> env)
      throws IOException {
    List<String> command = new ArrayList<>(launcher);
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx1g");
    boolean bare = Boolean.parseBoolean(env.getOrDefault("DEMO_BENCHMARK_NO_FILTERS", "false"));
    String jvmOptions = env.getOrDefault(JVM_OPTIONS_ENV, System.getenv(JVM_OPTIONS_ENV));
    command.addAll(extraJvmOptions(jvmOptions == null ? "" : jvmOptions, bare));
    command.addAll(
        List.of(
            "-Dslf4j.provider=org.slf4j.nop.NOPServiceProvider",
            "-cp",
            System.getProperty("java.class.path"),
            DemoChild.class.getName(),
            "--port",
            Integer.toString(port),
            "--data-dir",
            dataDir.toString(),
            "--admin-token",
            TOKEN));
    command.addAll(extraArgs);
    ProcessBuilder builder = new ProcessBuilder(command).redirectError(log.toFile());
    // The harness is the load balancer: the shield takes each client from X-Forwarded-For.
    builder.environment().put(TRUSTED_PROXIES_ENV, "127.0.0.1");
    builder.environment().putAll(env);
    Process process = builder.start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      if (line.startsWith(DemoChild.READY + " ")) {
        return new DemoProcess(process, Integer.parseInt(line.substring(6).strip()));
      }
    }
    process.destroyForcibly();
    throw new IOException("the demo ended before serving; see " + log);
  }

  /**
   * The child's extra JVM options as given in {@value #JVM_OPTIONS_ENV} (for profiling, e.g. a JFR
   * recording): {@code options} split on whitespace, with {@code {run}} in them replaced by {@code
   * bare} or {@code full} so both demos of a run can write their own file. Empty when {@code
   * options} is blank.
   */
  static List<String> extraJvmOptions(String options, boolean bare) {
    List<String> result = new ArrayList<>();
    if (!options.isBlank()) {
      for (String option : options.strip().split("\\s+")) {
        result.add(option.replace("{run}", bare ? "bare" : "full"));
      }
    }
    return result;
  }

  /** Returns the port it serves on 127.0.0.1. */
  public int port() {
    return port;
  }

  /** Returns the child's process handle (for its CPU time). */
  public ProcessHandle handle() {
    return process.toHandle();
  }

  /** Returns the note id seeded for each tenant of the last {@link #provision}, in roster order. */
  public List<String> seededNotes() {
    return List.copyOf(seededNotes);
  }

  /**
   * Provisions every tenant of {@code roster} and creates one note for each.
   *
   * @throws IOException if the demo refuses or fails a request (the message has its answer)
   */
  public void provision(Roster roster) throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    URI base = URI.create("http://127.0.0.1:" + port);
    for (LoadTenant t : roster.tenants()) {
      String body = JSON.writeValueAsString(java.util.Map.of("id", t.id(), "plan", t.plan()));
      expect(
          client,
          HttpRequest.newBuilder(base.resolve("/admin/tenants"))
              .header("Authorization", "Bearer " + TOKEN)
              .header("Content-Type", "application/json")
              .header(ClientAddresses.HEADER, ClientAddresses.tenant(t.id())) // its signup
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build(),
          201);
      String note =
          expect(
              client,
              HttpRequest.newBuilder(base.resolve("/notes"))
                  .header("X-Tenant-Id", t.id())
                  .header(ClientAddresses.HEADER, ClientAddresses.tenant(t.id()))
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString("{\"text\":\"seed of " + t.id() + "\"}"))
                  .build(),
              201);
      seededNotes.add(JSON.readTree(note).path("id").asText());
    }
  }

  private static String expect(HttpClient client, HttpRequest request, int status)
      throws IOException, InterruptedException {
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != status) {
      throw new IOException(
          request.method()
              + " "
              + request.uri()
              + " answered "
              + response.statusCode()
              + ", expected "
              + status
              + ": "
              + response.body());
    }
    return response.body();
  }

  /**
   * Stops the demo with {@code SIGTERM} and waits up to {@code grace} for it to exit, then kills it
   * as {@link #close()} does. The JVM's shutdown writes a JFR recording started by {@value
   * #JVM_OPTIONS_ENV} with {@code filename=} (a recording without {@code duration=} is otherwise
   * lost when the demo is killed). The demo's data is not closed cleanly: the child registers no
   * shutdown hook, so no state is flushed that a kill would not leave.
   *
   * @return whether the demo exited within {@code grace}
   */
  public boolean stop(Duration grace) throws InterruptedException {
    // Through the handle: Process.destroy() would also close the child's standard input, whose
    // end makes the child halt at once (DemoChild), before the JVM's shutdown writes the recording.
    process.toHandle().destroy();
    boolean exited = process.waitFor(grace.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    close();
    return exited;
  }

  /** Kills the demo ({@code SIGKILL} on Linux, as the fault phase's crash) and waits for it. */
  @Override
  public void close() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }
}
