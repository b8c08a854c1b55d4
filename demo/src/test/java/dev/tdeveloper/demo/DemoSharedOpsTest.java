package dev.tdeveloper.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.compliance.audit.AuditEvent;
import dev.tdeveloper.compliance.audit.log.AuditLogVerification;
import dev.tdeveloper.distribution.region.RegionConfigLoader;
import dev.tdeveloper.distribution.region.RegionId;
import dev.tdeveloper.observability.Labels;
import dev.tdeveloper.observability.alert.Alert;
import dev.tdeveloper.tenancy.IsolationMode;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.registry.InMemoryTenantRegistry;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import dev.tdeveloper.tenancy.testkit.servers.LocalPostgres;
import dev.tdeveloper.tenancy.testkit.servers.LocalPostgresExtension;
import dev.tdeveloper.tenancy.testkit.servers.LocalRedisExtension;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two demo instances on one real PostgreSQL and/or one real Redis: each keeps its own audit log
 * table that verifies, an alert both instances fire is notified once, and the regions' replication
 * goes through one shared channel.
 */
@ExtendWith({LocalRedisExtension.class, LocalPostgresExtension.class})
class DemoSharedOpsTest {
  private static final String TOKEN = "operator-t0ken-for-tests";
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static final int REDIS_DB = 12;
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

  /** Starts A then B with a fresh PostgreSQL database and/or a flushed Redis database. */
  private void startBoth(boolean withRedis, boolean withPostgres) throws Exception {
    Optional<DemoBackendOptions.Postgres> pg = Optional.empty();
    if (withPostgres) {
      database = "demo_ops_" + DATABASES.incrementAndGet();
      try (Connection admin = postgres.connect(LocalPostgres.DEFAULT_DATABASE);
          Statement sql = admin.createStatement()) {
        sql.execute("CREATE DATABASE " + database);
      }
      pg =
          Optional.of(
              new DemoBackendOptions.Postgres(
                  postgres.jdbcUrl(database),
                  LocalPostgres.SUPERUSER,
                  Optional.of(postgres.password()),
                  IsolationMode.ROW));
    }
    Optional<DemoBackendOptions.Redis> rd = Optional.empty();
    if (withRedis) {
      String uri = redis + "/" + REDIS_DB;
      flush(uri);
      rd = Optional.of(new DemoBackendOptions.Redis(uri));
    }
    DemoBackendOptions backends = new DemoBackendOptions(rd, pg);
    Path config = dir.resolve("tenants.yaml");
    Files.copy(DemoAppTest.SHIPPED, config);
    a = start(config, "a", backends);
    b = start(config, "b", backends);
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

  private void note(DemoApp app, String tenant, String text) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/notes"))
                .header("X-Tenant-Id", tenant)
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"" + text + "\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
  }

  /** Logs a marker and waits until it is stored, so every event logged before it is too. */
  private void stored(DemoAudit audit) {
    audit.log.logger().logAndWait(AuditEvent.builder("test.marker", clock.instant()).build());
  }

  private long auditRows(String instanceId) throws Exception {
    try (Connection c = postgres.connect(database);
        Statement sql = c.createStatement();
        ResultSet rows = sql.executeQuery("SELECT count(*) FROM tdev_demo.audit_" + instanceId)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  @Test
  void eachInstanceAppendsToItsOwnAuditTableAndBothVerify() throws Exception {
    startBoth(false, true);
    note(a, "acme", "from a");
    note(b, "acme", "from b");
    note(b, "acme", "again from b");
    String idA = DemoBackends.instanceId(dir.resolve("a"));
    String idB = DemoBackends.instanceId(dir.resolve("b"));
    assertThat(idA).isNotEqualTo(idB);
    for (DemoApp app : new DemoApp[] {a, b}) {
      DemoAudit audit = app.services().audit;
      stored(audit);
      audit.log.checkpoint();
      AuditLogVerification verification = audit.log.verify();
      assertThat(verification.ok()).as(verification.describe()).isTrue();
      assertThat(verification.report().entriesChecked()).isPositive();
    }
    // Background jobs may append meanwhile: each table holds at least what its log had stored.
    assertThat(auditRows(idA)).isGreaterThanOrEqualTo(a.services().audit.log.size()).isPositive();
    assertThat(auditRows(idB)).isGreaterThanOrEqualTo(b.services().audit.log.size()).isPositive();
    assertThat(Files.exists(dir.resolve("a").resolve("audit").resolve("log"))).isFalse();
  }

  @Test
  void anAuditTableSurvivesARestartOfItsInstance() throws Exception {
    startBoth(false, true);
    note(a, "acme", "before");
    stored(a.services().audit);
    long before = a.services().audit.log.size();
    a.close();
    a = start(dir.resolve("tenants.yaml"), "a", backendsOf());
    assertThat(a.services().audit.log.size()).isGreaterThanOrEqualTo(before);
    note(a, "acme", "after");
    stored(a.services().audit);
    AuditLogVerification verification = a.services().audit.log.verify();
    assertThat(verification.ok()).as(verification.describe()).isTrue();
  }

  @Test
  void aDataDirectoryMovedFromLocalFilesToPostgresKeepsBothLogsVerifiable() throws Exception {
    startBoth(false, true);
    b.close();
    Path config = dir.resolve("tenants.yaml");
    DemoApp local =
        DemoApp.start(
            new DemoOptions(0, config, dir.resolve("b"), List.of("localhost"), Optional.of(TOKEN))
                .withBackends(DemoBackendOptions.embedded()),
            clock,
            clock);
    try {
      note(local, "acme", "stored locally");
      stored(local.services().audit);
      local.services().audit.log.checkpoint();
    } finally {
      local.close();
    }
    b = start(config, "b", backendsOf());
    note(b, "acme", "stored in postgres");
    stored(b.services().audit);
    b.services().audit.log.checkpoint();
    AuditLogVerification verification = b.services().audit.log.verify();
    assertThat(verification.ok()).as(verification.describe()).isTrue();
    assertThat(Files.isDirectory(dir.resolve("b").resolve("audit").resolve("log"))).isTrue();
    assertThat(Files.isDirectory(dir.resolve("b").resolve("audit-postgres").resolve("tree")))
        .isTrue();
  }

  private DemoBackendOptions backendsOf() {
    return new DemoBackendOptions(
        Optional.empty(),
        Optional.of(
            new DemoBackendOptions.Postgres(
                postgres.jdbcUrl(database),
                LocalPostgres.SUPERUSER,
                Optional.of(postgres.password()),
                IsolationMode.ROW)));
  }

  /** Fires one alert on both instances and flushes both routers past the group wait. */
  private long notificationsOfOneAlertFiredOnBoth(String slo) {
    Alert alert =
        Alert.firing(
            Labels.of(Alert.ALERTNAME, "SloBurnRate", "slo", slo, "severity", "warning"),
            Map.of(),
            clock.instant());
    a.services().observability.router.receive(alert);
    b.services().observability.router.receive(alert);
    Instant due = clock.instant().plusSeconds(120);
    a.services().observability.router.flush(due);
    b.services().observability.router.flush(due);
    return logs.text().lines().filter(l -> l.contains(" to log: ") && l.contains(slo)).count();
  }

  @Test
  void anAlertFiredOnBothInstancesIsNotifiedOnceThroughAPostgresLease() throws Exception {
    startBoth(false, true);
    assertThat(notificationsOfOneAlertFiredOnBoth("shared-pg-alert")).isEqualTo(1);
  }

  @Test
  void anAlertFiredOnBothInstancesIsNotifiedOnceThroughARedisLease() throws Exception {
    startBoth(true, false);
    assertThat(notificationsOfOneAlertFiredOnBoth("shared-redis-alert")).isEqualTo(1);
  }

  @Test
  void aChangePublishedThroughOneInstanceIsAppliedThroughTheOther() throws Exception {
    String uri = redis + "/" + REDIS_DB;
    flush(uri);
    DemoBackendOptions options =
        new DemoBackendOptions(Optional.of(new DemoBackendOptions.Redis(uri)), Optional.empty());
    try (DemoBackends first = DemoBackends.open(options, clock);
        DemoBackends second = DemoBackends.open(options, clock)) {
      RegionReplicas onA = regions(first).replicas;
      RegionReplicas onB = regions(second).replicas;
      onA.noteCreated(TenantId.of("acme"), RegionId.of("eu-west-1"), 41);
      assertThat(onB.backlog()).as("B sees A's delivery").isEqualTo(onA.backlog()).isPositive();
      onB.applyPending();
      assertThat(onB.counts().get("eu-central-1")).containsEntry("acme", 1);
      assertThat(onA.backlog()).as("B's acknowledgement counts for A").isZero();
      assertThat(onA.counts().get("eu-central-1")).doesNotContainKey("acme");
    }
  }

  private DemoRegions regions(DemoBackends backends) throws Exception {
    return new DemoRegions(
        RegionConfigLoader.load(Path.of("src/main/resources/config/production/regions.yaml")),
        backends.replicationChannel(),
        backends.hlcStateStore(dir),
        clock,
        new InMemoryTenantRegistry(),
        () -> true,
        event -> {});
  }

  private static void flush(String uri) {
    RedisClient client = RedisClient.create(uri);
    try (StatefulRedisConnection<String, String> c = client.connect()) {
      c.sync().flushdb();
    } finally {
      client.shutdown();
    }
  }
}
