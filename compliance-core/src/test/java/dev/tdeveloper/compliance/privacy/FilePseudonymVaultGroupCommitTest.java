package dev.tdeveloper.compliance.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.compliance.ComplianceException;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.Concurrently;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The file vault's group commit: forces off the lock, one force for many callers. */
class FilePseudonymVaultGroupCommitTest {
  private static final Optional<TenantId> A = Optional.of(TenantId.of("tenant-a"));

  @TempDir Path dir;

  @Test
  void aNewMappingIsForcedBeforeItIsReturnedAndAKnownOneCostsNoForce() {
    AtomicInteger forces = new AtomicInteger();
    try (FilePseudonymVault vault = FilePseudonymVault.open(dir, step -> count(step, forces))) {
      for (int i = 0; i < 20; i++) {
        int before = forces.get();
        String p = vault.pseudonymize(A, "user-" + i + "@example.com");
        assertThat(forces.get()).as("forces started after the call began").isGreaterThan(before);
        int known = forces.get();
        assertThat(vault.pseudonymize(A, "user-" + i + "@example.com")).isEqualTo(p);
        assertThat(vault.lookup(A, "user-" + i + "@example.com")).contains(p);
        assertThat(forces.get()).isEqualTo(known);
      }
    }
  }

  @Test
  void concurrentCallersAgreeOnEachPseudonymAndEveryOneSurvivesReopening() throws Exception {
    int values = 300;
    Map<String, String> seen = new ConcurrentHashMap<>();
    AtomicInteger forces = new AtomicInteger();
    try (FilePseudonymVault vault = FilePseudonymVault.open(dir, step -> count(step, forces))) {
      Concurrently.run(
          8,
          thread -> {
            for (int i = 0; i < values; i++) {
              String value = "user-" + (i * (thread + 1)) % values + "@example.com";
              String p = vault.pseudonymize(A, value);
              String first = seen.putIfAbsent(value, p);
              assertThat(p).isEqualTo(first == null ? p : first);
              if (i % 7 == thread) {
                vault.forget(A, "user-" + (values + i) + "@example.com"); // absent: no rewrite
              }
            }
          });
      assertThat(vault.size()).isEqualTo(values);
      assertThat(forces.get()).isBetween(1, values);
    }
    try (FilePseudonymVault vault = FilePseudonymVault.open(dir)) {
      seen.forEach((value, p) -> assertThat(vault.lookup(A, value)).as(value).contains(p));
      assertThat(vault.size()).isEqualTo(values);
    }
  }

  @Test
  @Timeout(60) // a force under the vault's lock would hang the forget below
  void theForceRunsOffTheVaultsLockAndMappingsAddedMeanwhileSurvive() throws Exception {
    CountDownLatch forcing = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    try (FilePseudonymVault vault =
        FilePseudonymVault.open(
            dir,
            step -> {
              if (step.equals(FilePseudonymVault.FORCING) && forcing.getCount() > 0) {
                forcing.countDown();
                await(release);
              }
            })) {
      AtomicReference<String> first = new AtomicReference<>();
      Thread adder = new Thread(() -> first.set(vault.pseudonymize(A, "alice@example.com")));
      adder.start();
      forcing.await();
      // the force is held: the vault's lock is free, and another value is appended meanwhile
      assertThat(vault.forget(A, "nobody@example.com")).isEmpty();
      AtomicReference<String> second = new AtomicReference<>();
      Thread other = new Thread(() -> second.set(vault.pseudonymize(A, "bob@example.com")));
      other.start();
      release.countDown();
      adder.join();
      other.join();
      assertThat(vault.pseudonymize(A, "alice@example.com")).isEqualTo(first.get());
      assertThat(vault.lookup(A, "bob@example.com")).contains(second.get());
      vault.forget(A, "alice@example.com");
    }
    try (FilePseudonymVault vault = FilePseudonymVault.open(dir)) {
      assertThat(vault.lookup(A, "alice@example.com")).isEmpty();
      assertThat(vault.lookup(A, "bob@example.com")).isPresent();
    }
  }

  @Test
  void aFailedForceDropsTheMappingAndTheVaultRefusesNewOnesUntilReopened() {
    AtomicInteger forces = new AtomicInteger();
    String kept;
    try (FilePseudonymVault vault =
        FilePseudonymVault.open(
            dir,
            step -> {
              if (step.equals(FilePseudonymVault.FORCING) && forces.incrementAndGet() == 2) {
                throw new ComplianceException("device error");
              }
            })) {
      kept = vault.pseudonymize(A, "kept@example.com");
      assertThatThrownBy(() -> vault.pseudonymize(A, "lost@example.com"))
          .isInstanceOf(ComplianceException.class);
      assertThat(vault.lookup(A, "lost@example.com")).isEmpty();
      assertThat(vault.size()).isEqualTo(1);
      assertThatThrownBy(() -> vault.pseudonymize(A, "next@example.com"))
          .isInstanceOf(ComplianceException.class)
          .hasMessageContaining("reopen it");
      assertThat(vault.pseudonymize(A, "kept@example.com")).isEqualTo(kept);
    }
    try (FilePseudonymVault vault = FilePseudonymVault.open(dir)) {
      assertThat(vault.lookup(A, "kept@example.com")).contains(kept);
      assertThat(vault.pseudonymize(A, "next@example.com")).startsWith(VaultIndex.PREFIX);
    }
  }

  private static void count(String step, AtomicInteger forces) {
    if (step.equals(FilePseudonymVault.FORCING)) {
      forces.incrementAndGet();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
