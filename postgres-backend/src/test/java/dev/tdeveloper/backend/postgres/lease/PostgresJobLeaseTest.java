package dev.tdeveloper.backend.postgres.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.backend.postgres.StateDatabase;
import dev.tdeveloper.tenancy.spi.JobLease;
import dev.tdeveloper.tenancy.spi.JobLeaseException;
import dev.tdeveloper.tenancy.spi.JobLeaseProvider;
import dev.tdeveloper.tenancy.spi.Lease;
import dev.tdeveloper.tenancy.spi.ProviderSelector;
import dev.tdeveloper.tenancy.testkit.Concurrently;
import dev.tdeveloper.tenancy.testkit.servers.LocalPostgresExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The lease on the server's own clock, shared by two instances with pools of their own. */
@ExtendWith(LocalPostgresExtension.class)
class PostgresJobLeaseTest {
  private static final String TABLE = "ops.leases";
  @RegisterExtension static final StateDatabase db = StateDatabase.named("lease_server");
  private String job;

  @BeforeAll
  static void install() {
    PostgresJobLease.install(db.admin(), TABLE, db.role());
    PostgresJobLease.install(db.admin(), TABLE, db.role()); // idempotent
  }

  @BeforeEach
  void newJob() {
    job = "job-" + UUID.randomUUID();
  }

  private static PostgresJobLease leases(javax.sql.DataSource dataSource) {
    return PostgresJobLease.builder(dataSource).table(TABLE).build();
  }

  @Test
  void twoInstancesRacingFromThreadsNeverHoldTheJobTogether() throws Exception {
    List<Long> tokens = Collections.synchronizedList(new ArrayList<>());
    AtomicReference<String> runningOn = new AtomicReference<>();
    AtomicInteger runs = new AtomicInteger();
    try (PostgresJobLease a = leases(db.app());
        PostgresJobLease b = leases(db.otherInstance())) {
      PostgresJobLease[] instances = {a, b};
      Concurrently.run(
          4,
          thread -> {
            PostgresJobLease leases = instances[thread % 2];
            String holder = "instance-" + (thread % 2) + "/thread-" + thread;
            for (int i = 0; i < 150; i++) {
              Optional<Lease> lease = leases.acquire(job, holder, Duration.ofSeconds(30));
              if (lease.isEmpty()) {
                continue;
              }
              assertThat(runningOn.compareAndSet(null, holder)).as("nobody else runs").isTrue();
              tokens.add(lease.get().fencingToken());
              runs.incrementAndGet();
              assertThat(leases.renew(lease.get(), Duration.ofSeconds(30))).isTrue();
              assertThat(runningOn.compareAndSet(holder, null)).isTrue();
              assertThat(leases.release(lease.get())).isTrue();
            }
          });
    }
    assertThat(runs.get()).isEqualTo(tokens.size()).isPositive();
    assertThat(tokens).isSorted().doesNotHaveDuplicates();
  }

  @Test
  void expiryIsMeasuredByTheServersClock() throws Exception {
    try (PostgresJobLease a = leases(db.app());
        PostgresJobLease b = leases(db.otherInstance())) {
      Lease alice = a.acquire(job, "alice", Duration.ofHours(1)).orElseThrow();
      Object left =
          db.adminQuery(
              "SELECT extract(epoch FROM expires_at - clock_timestamp()) FROM ops.leases"
                  + " WHERE job_name = '"
                  + job
                  + "'");
      assertThat(((Number) left).doubleValue()).isBetween(3_000.0, 3_600.0);
      Object granted =
          db.adminQuery(
              "SELECT expires_at - granted_at = interval '1 hour' FROM ops.leases"
                  + " WHERE job_name = '"
                  + job
                  + "'");
      assertThat(granted).isEqualTo(true);
      assertThat(b.acquire(job, "bob", Duration.ofSeconds(30))).isEmpty();

      // The server's clock passing the expiry (simulated by moving the expiry into its past) frees
      // the job; no client clock is consulted.
      db.adminQuery(
          "UPDATE ops.leases SET expires_at = clock_timestamp() - interval '1 microsecond'"
              + " WHERE job_name = '"
              + job
              + "'");
      assertThat(a.renew(alice, Duration.ofHours(1))).isFalse();
      Lease bob = b.acquire(job, "bob", Duration.ofSeconds(30)).orElseThrow();
      assertThat(bob.fencingToken()).isGreaterThan(alice.fencingToken());
      assertThat(a.release(alice)).isFalse();
      assertThat(b.release(bob)).isTrue();
    }
  }

  @Test
  void aLeaseOfOneMillisecondExpiresOnTheServerWithoutAnyoneReleasingIt() throws Exception {
    try (PostgresJobLease a = leases(db.app())) {
      Lease first = a.acquire(job, "alice", Duration.ofMillis(1)).orElseThrow();
      // Wait for the server's clock, not ours: ask the server until its clock passed the expiry.
      Object passed = false;
      while (!Boolean.TRUE.equals(passed)) {
        passed =
            db.adminQuery(
                "SELECT clock_timestamp() > (SELECT expires_at FROM ops.leases WHERE job_name = '"
                    + job
                    + "')");
      }
      Lease second = a.acquire(job, "bob", Duration.ofSeconds(30)).orElseThrow();
      assertThat(second.fencingToken()).isGreaterThan(first.fencingToken());
    }
  }

  @Test
  void tokensKeepGrowingForANewClientAndAfterTheRowIsGone() throws Exception {
    long first;
    try (PostgresJobLease a = leases(db.app())) {
      Lease lease = a.acquire(job, "alice", Duration.ofSeconds(30)).orElseThrow();
      first = lease.fencingToken();
      assertThat(a.release(lease)).isTrue();
    }
    db.adminQuery("DELETE FROM ops.leases WHERE job_name = '" + job + "'");
    try (PostgresJobLease restarted = leases(db.otherInstance())) {
      assertThat(
              restarted.acquire(job, "alice", Duration.ofSeconds(30)).orElseThrow().fencingToken())
          .isGreaterThan(first);
    }
  }

  @Test
  void theApplicationRoleMayNeitherDeleteNorTruncateLeasesNorResetTheSequence() {
    assertThat(db.appStatementState("DELETE FROM ops.leases")).isEqualTo("42501");
    assertThat(db.appStatementState("TRUNCATE ops.leases")).isEqualTo("42501");
    assertThat(db.appStatementState("SELECT setval('ops.leases_fencing', 1)")).isEqualTo("42501");
    assertThat(db.appStatementState("ALTER SEQUENCE ops.leases_fencing RESTART"))
        .isEqualTo("42501");
    assertThat(db.appStatementState("DROP TABLE ops.leases")).isEqualTo("42501");
  }

  @Test
  void failuresThrowJobLeaseExceptionNamingTheTable() {
    PostgresJobLease closed = leases(db.app());
    closed.close();
    assertThatThrownBy(() -> closed.acquire(job, "alice", Duration.ofSeconds(1)))
        .isInstanceOf(JobLeaseException.class)
        .hasMessageContaining("closed");
    PostgresJobLease missing = PostgresJobLease.builder(db.app()).table("ops.nothing").build();
    assertThatThrownBy(() -> missing.acquire(job, "alice", Duration.ofSeconds(1)))
        .isInstanceOf(JobLeaseException.class)
        .hasMessageContaining("ops.nothing")
        .hasMessageContaining(job);
    assertThatThrownBy(missing::check)
        .isInstanceOf(JobLeaseException.class)
        .hasMessageContaining("ops.nothing");
  }

  @Test
  void theBuilderAndInstallRejectBadNames() {
    assertThatThrownBy(() -> PostgresJobLease.builder(db.app()).table("a.b.c"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("table must be name or schema.name");
    assertThatThrownBy(() -> PostgresJobLease.builder(db.app()).table("x".repeat(49)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most 48");
    assertThatThrownBy(() -> PostgresJobLease.builder(db.app()).table("a").table("b"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already set");
    assertThatThrownBy(() -> PostgresJobLease.install(db.admin(), TABLE, "Robert'); DROP"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("applicationRole must match");
    assertThatThrownBy(() -> PostgresJobLease.builder(null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void isFoundByNameAndSharesLeasesBetweenInstances() {
    JobLeaseProvider provider =
        ProviderSelector.select(
            JobLeaseProvider.class, Optional.of("postgres"), "dev.tdeveloper:postgres-backend");
    assertThat(provider).isInstanceOf(PostgresJobLeaseProvider.class);
    Map<String, String> settings = db.providerSettings(TABLE);
    try (JobLease a = provider.create(settings);
        JobLease b = provider.create(settings)) {
      assertThat(a).hasToString("PostgresJobLease[ops.leases]");
      assertThat(a.acquire(job, "alice", Duration.ofSeconds(30))).isPresent();
      assertThat(b.acquire(job, "bob", Duration.ofSeconds(30))).isEmpty();
    }
  }

  @Test
  void theProviderRefusesBadSettingsAndNeverShowsThePassword() {
    PostgresJobLeaseProvider provider = new PostgresJobLeaseProvider();
    assertThatThrownBy(() -> provider.create(Map.of("url", db.url(), "ttl", "1s")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[ttl]");
    assertThatThrownBy(() -> provider.create(Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("url must be a jdbc:postgresql: URL, was missing");
    assertThatThrownBy(() -> provider.create(Map.of("url", db.url(), "pool-size", "0")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pool-size must be 1 to 100, was '0'");
    String secret = "not-the-password-" + UUID.randomUUID();
    assertThatThrownBy(
            () ->
                provider.create(
                    Map.of("url", db.url(), "user", db.role(), "password", secret, "table", TABLE)))
        .isInstanceOf(JobLeaseException.class)
        .satisfies(e -> assertThat(fullText(e)).doesNotContain(secret));
    assertThatThrownBy(
            () ->
                provider.create(
                    Map.of(
                        "url", db.url(),
                        "user", db.role(),
                        "password", db.password(),
                        "table", "ops.missing")))
        .isInstanceOf(JobLeaseException.class)
        .hasMessageContaining("ops.missing");
  }

  static String fullText(Throwable e) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      text.append(t).append('\n');
      for (Throwable s : t.getSuppressed()) {
        text.append(s).append('\n');
      }
    }
    return text.toString();
  }
}
