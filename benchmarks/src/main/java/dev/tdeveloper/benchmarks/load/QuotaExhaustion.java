package dev.tdeveloper.benchmarks.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Makes tenants of the load exhaust their notes quota, so {@link Outcome#QUOTA_EXCEEDED} appears in
 * the mix: the demo runs on its own copy of the bundled {@code tenants.yaml} ({@link
 * #writeConfig}), and once the roster is provisioned {@link #apply} lists the {@link
 * LoadTenant.Role#OVER_LIMIT} tenants in it with a notes quota of their seeded note plus half the
 * writes their rate limit admits in the warm-up, then waits until the demo's reload (every 2 s)
 * shows that limit in their {@code GET /usage}. Their quota is used up during the warm-up, and
 * every later write their rate limit admits is refused with {@code quota-exceeded}. A listed tenant
 * keeps its registered plan; only its quota is its own. Stateless.
 */
final class QuotaExhaustion {
  private static final String BUNDLED = "/config/production/tenants.yaml";
  private static final Duration RELOAD_DEADLINE = Duration.ofSeconds(30);

  private QuotaExhaustion() {}

  /**
   * Writes a copy of the demo's bundled {@code tenants.yaml} into {@code dir} and returns it.
   *
   * @throws IOException if the bundled file is missing or its {@code tenants} section is not last
   *     (tenants are appended to it)
   */
  static Path writeConfig(Path dir) throws IOException {
    String yaml;
    try (InputStream in = QuotaExhaustion.class.getResourceAsStream(BUNDLED)) {
      if (in == null) {
        throw new IOException("no " + BUNDLED + " on the class path (the demo's jar)");
      }
      yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<String> topLevel = yaml.lines().filter(l -> l.matches("[a-zA-Z].*:.*")).toList();
    if (topLevel.isEmpty() || !topLevel.get(topLevel.size() - 1).startsWith("tenants:")) {
      throw new IOException(
          BUNDLED + " must end with its tenants section, it ends with " + topLevel);
    }
    Files.createDirectories(dir);
    Path file = dir.resolve("tenants.yaml");
    Files.writeString(file, yaml.endsWith("\n") ? yaml : yaml + "\n");
    return file;
  }

  /** The notes quota of the over-limit tenants at {@code warmup}: the seed, half the warm-up's. */
  static long limit(LoadTenant tenant, Duration warmup) {
    double admittedWrites = tenant.rateLimit() * Mix.WRITE_PERCENT / 100.0 * warmup.toSeconds();
    return 1 + (long) (admittedWrites / 2);
  }

  /**
   * Lists the over-limit tenants of {@code roster} in {@code config} (the file the demo watches)
   * with their {@link #limit} and waits until the demo applies it.
   *
   * @return the tenants' ids
   * @throws IOException if the demo has not applied it within 30 s
   */
  static List<String> apply(Path config, DemoProcess demo, Roster roster, Duration warmup)
      throws IOException, InterruptedException {
    StringBuilder yaml = new StringBuilder();
    List<LoadTenant> capped =
        roster.tenants().stream().filter(t -> t.role() == LoadTenant.Role.OVER_LIMIT).toList();
    for (LoadTenant t : capped) {
      yaml.append("  ")
          .append(t.id())
          .append(":\n    plan: ")
          .append(t.plan())
          .append("\n    settings:\n      quota: { notes: { limit: ")
          .append(limit(t, warmup))
          .append(", period: CALENDAR_MONTH } }\n");
    }
    Files.writeString(config, Files.readString(config) + yaml);
    TenantClient client = new TenantClient(demo.port(), (t, a) -> {});
    long deadline = System.nanoTime() + RELOAD_DEADLINE.toNanos();
    for (LoadTenant t : capped) {
      while (true) {
        TenantClient.Answer a = client.admitted(t, "/usage", RELOAD_DEADLINE);
        JsonNode limit = a.outcome() == Outcome.OK ? a.json() : null;
        if (limit != null && limit.at("/quotas/notes/limit").asLong() == limit(t, warmup)) {
          break;
        }
        if (System.nanoTime() > deadline) {
          throw new IOException(
              "the demo did not apply the notes quota of "
                  + t.id()
                  + " within "
                  + RELOAD_DEADLINE
                  + "; last answer "
                  + a.status()
                  + ": "
                  + a.body());
        }
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200)); // the reload runs every 2 s
      }
    }
    return capped.stream().map(LoadTenant::id).toList();
  }
}
