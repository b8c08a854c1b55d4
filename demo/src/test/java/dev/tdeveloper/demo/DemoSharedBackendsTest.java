package dev.tdeveloper.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.tenancy.IsolationMode;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import dev.tdeveloper.tenancy.testkit.servers.LocalPostgres;
import dev.tdeveloper.tenancy.testkit.servers.LocalPostgresExtension;
import dev.tdeveloper.tenancy.testkit.servers.LocalRedisExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two demo instances on different ports sharing one real Redis and one real PostgreSQL (each test
 * on a fresh database and Redis database): rate limits, tenants, notes and usage are shared, and
 * tenants stay apart.
 */
@ExtendWith({LocalRedisExtension.class, LocalPostgresExtension.class})
class DemoSharedBackendsTest {
  private static final String TOKEN = "operator-t0ken-for-tests";
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static URI redis;
  private static LocalPostgres postgres;

  @TempDir Path dir;
  private final ManualClock clock = new ManualClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
  private final HttpClient http = HttpClient.newHttpClient();
  private final LogCapture logs = new LogCapture();
  private String database;
  private DemoApp a;
  private DemoApp b;

  @BeforeAll
  static void servers(URI redisUri, LocalPostgres server) {
    redis = redisUri;
    postgres = server;
  }

  /**
   * Starts A then B on a fresh database, the shipped tenants.yaml with {@code yamlEdit} applied.
   */
  private void startBoth(IsolationMode mode, String from, String to) throws Exception {
    startBoth(mode, from, to, false);
  }

  /** As above, starting both at the same time when {@code together}. */
  private void startBoth(IsolationMode mode, String from, String to, boolean together)
      throws Exception {
    int n = DATABASES.incrementAndGet();
    database = "demo_shared_" + n;
    try (Connection admin = postgres.connect(LocalPostgres.DEFAULT_DATABASE);
        Statement sql = admin.createStatement()) {
      sql.execute("CREATE DATABASE " + database);
    }
    Path config = dir.resolve("tenants.yaml");
    Files.writeString(config, Files.readString(DemoAppTest.SHIPPED).replace(from, to));
    DemoBackendOptions backends =
        new DemoBackendOptions(
            Optional.of(new DemoBackendOptions.Redis(redis + "/" + (n % 15 + 1))),
            Optional.of(
                new DemoBackendOptions.Postgres(
                    postgres.jdbcUrl(database),
                    LocalPostgres.SUPERUSER,
                    Optional.of(postgres.password()),
                    mode)));
    if (together) {
      ExecutorService starter = Executors.newFixedThreadPool(2);
      try {
        Future<DemoApp> first = starter.submit(() -> start(config, "a", backends));
        Future<DemoApp> second = starter.submit(() -> start(config, "b", backends));
        a = first.get();
        b = second.get();
      } finally {
        starter.shutdown();
      }
    } else {
      a = start(config, "a", backends);
      b = start(config, "b", backends);
    }
  }

  private DemoApp start(Path config, String name, DemoBackendOptions backends) throws Exception {
    DemoOptions options =
        new DemoOptions(0, config, dir.resolve(name), List.of("localhost"), Optional.of(TOKEN))
            .withBackends(backends);
    return DemoApp.start(options, clock, clock);
  }

  @AfterEach
  void stop() {
    for (DemoApp app : new DemoApp[] {a, b}) {
      if (app != null) {
        app.close();
      }
    }
    logs.close();
  }

  private HttpResponse<String> call(
      DemoApp app, String method, String path, String tenant, String body, String... headers)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
            .header("Accept", "*/*")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", tenant == null ? "application/json" : "text/plain");
    }
    if (tenant != null) {
      request.header("X-Tenant-Id", tenant);
    } else {
      request.header("Authorization", "Bearer " + TOKEN);
    }
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> note(DemoApp app, String tenant, String text) throws Exception {
    return call(app, "POST", "/notes", tenant, "{\"text\":\"" + text + "\"}");
  }

  @Test
  void requestsAcrossBothInstancesAdmitExactlyTheTenantsLimit() throws Exception {
    startBoth(
        IsolationMode.ROW,
        "    attributes: { billing-id: cus_initech_003 }",
        "    attributes: { billing-id: cus_initech_003 }\n"
            + "    settings: { ratelimit: { requests-per-hour: 10 } }");
    int admitted = 0;
    int limited = 0;
    for (int i = 0; i < 30; i++) {
      int status = call(i % 2 == 0 ? a : b, "GET", "/notes", "initech", null).statusCode();
      admitted += status == 200 ? 1 : 0;
      limited += status == 429 ? 1 : 0;
    }
    assertThat(admitted).isEqualTo(10);
    assertThat(limited).isEqualTo(20);
    // Another tenant's limit is untouched by initech's.
    assertThat(call(b, "GET", "/notes", "acme", null).statusCode()).isEqualTo(200);
  }

  @Test
  void aTenantsNotesQuotaIsSharedAcrossInstances() throws Exception {
    startBoth(
        IsolationMode.ROW,
        "    attributes: { billing-id: cus_initech_003 }",
        "    attributes: { billing-id: cus_initech_003 }\n"
            + "    settings: { quota: { notes: { limit: 3, period: CALENDAR_MONTH } } }");
    assertThat(note(a, "initech", "one").statusCode()).isEqualTo(201);
    assertThat(note(b, "initech", "two").statusCode()).isEqualTo(201);
    assertThat(note(a, "initech", "three").statusCode()).isEqualTo(201);
    HttpResponse<String> fourth = note(b, "initech", "four");
    assertThat(fourth.statusCode()).isEqualTo(429);
    assertThat(fourth.body()).contains("quota-exceeded");
    assertThat(call(a, "GET", "/notes", "initech", null).body()).contains("\"count\":3");
    assertThat(note(b, "acme", "acme is not initech").statusCode()).isEqualTo(201);
  }

  @ParameterizedTest
  @EnumSource(IsolationMode.class)
  void aTenantCreatedThroughOneInstanceIsServedByTheOtherAndItsNotesStayItsOwn(IsolationMode mode)
      throws Exception {
    startBoth(mode, "", "");
    HttpResponse<String> created =
        call(a, "POST", "/admin/tenants", null, "{\"id\":\"hooli\",\"plan\":\"pro\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

    assertThat(note(b, "hooli", "written on b").statusCode()).isEqualTo(201);
    HttpResponse<String> second = note(a, "hooli", "written on a");
    assertThat(second.body()).contains("\"id\":2");
    assertThat(note(a, "acme", "acme's own").body()).contains("\"id\":1");

    assertThat(call(a, "GET", "/notes/1", "hooli", null).body()).contains("written on b");
    assertThat(call(b, "GET", "/notes", "hooli", null).body())
        .contains("written on b", "written on a", "\"count\":2")
        .doesNotContain("acme's own");
    HttpResponse<String> acme = call(b, "GET", "/notes", "acme", null);
    assertThat(acme.body()).contains("acme's own", "\"count\":1").doesNotContain("written on");
    assertThat(call(b, "GET", "/notes/2", "acme", null).statusCode()).isEqualTo(404);
    // Acme deleting "its" note 1 leaves hooli's note 1 alone.
    assertThat(call(a, "DELETE", "/notes/1", "acme", null).statusCode()).isEqualTo(204);
    assertThat(call(b, "GET", "/notes/1", "hooli", null).body()).contains("written on b");
  }

  @Test
  void aRequestRetriedThroughTheOtherInstanceIsCountedOnce() throws Exception {
    startBoth(IsolationMode.ROW, "", "");
    String key = "retry-0001-abcdef";
    assertThat(call(a, "GET", "/notes", "acme", null, "Idempotency-Key", key).statusCode())
        .isEqualTo(200);
    assertThat(call(b, "GET", "/notes", "acme", null, "Idempotency-Key", key).statusCode())
        .isEqualTo(200);
    assertThat(call(b, "GET", "/notes", "acme", null).statusCode()).isEqualTo(200);

    assertThat(usageRows("acme", key)).isEqualTo(1);
    assertThat(usageRows("acme", null)).isEqualTo(2);
  }

  @Test
  void twoInstancesStartingTogetherOnAFreshDatabaseBothServe() throws Exception {
    startBoth(IsolationMode.ROW, "", "", true);
    assertThat(note(a, "acme", "first").body()).contains("\"id\":1");
    assertThat(note(b, "acme", "second").body()).contains("\"id\":2");
    assertThat(call(b, "GET", "/notes", "acme", null).body()).contains("\"count\":2");
    assertThat(call(a, "GET", "/notes", "globex", null).body()).contains("\"count\":0");
  }

  @Test
  void noPasswordReachesTheLogs() throws Exception {
    startBoth(IsolationMode.ROW, "", "");
    assertThat(note(a, "acme", "hello").statusCode()).isEqualTo(201);
    assertThat(logs.text()).contains("shared state:").doesNotContain(postgres.password());
  }

  private long usageRows(String tenant, String key) throws Exception {
    String sql =
        "SELECT count(*) FROM tdev_demo.usage_events WHERE tenant_id = ? AND meter = ?"
            + (key == null ? "" : " AND idempotency_key = ?");
    try (Connection c = postgres.connect(database);
        PreparedStatement query = c.prepareStatement(sql)) {
      query.setString(1, tenant);
      query.setString(2, DemoTenancy.API_REQUESTS);
      if (key != null) {
        query.setString(3, key);
      }
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }
}
