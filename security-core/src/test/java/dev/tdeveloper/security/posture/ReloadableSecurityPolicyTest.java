package dev.tdeveloper.security.posture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.config.ConfigException;
import dev.tdeveloper.tenancy.config.ConfigProblem;
import dev.tdeveloper.tenancy.config.ReloadResult;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReloadableSecurityPolicyTest {
  @TempDir Path dir;
  private final ManualClock clock = new ManualClock();
  private final List<PolicyReloadEvent> events = new ArrayList<>();

  private Path write(String text) throws Exception {
    return Files.writeString(dir.resolve("security.yaml"), text);
  }

  private ReloadableSecurityPolicy.Builder builder(Path file) {
    return ReloadableSecurityPolicy.builder(file).clock(clock).listener(events::add);
  }

  @Test
  void aBadValueRejectsTheWholeReloadListingEveryProblem() throws Exception {
    Path file = write("keys: { maximumAge: 60d }\n");
    ReloadableSecurityPolicy holder = builder(file).build();
    List<Duration> applied = new ArrayList<>();
    holder.addApplier("scanner", f -> applied.add(f.policy().keyMaximumAge()));

    write(
        "keys: { maximumAge: 30d }\nsecrets: { maximumAge: 0s }\ncertificates: { minimumDaysLeft: -1 }\n");
    PolicyReload result = holder.reload();

    assertThat(result).isInstanceOf(PolicyReload.Refused.class);
    ReloadResult.Rejected rejected =
        (ReloadResult.Rejected) ((PolicyReload.Refused) result).result();
    assertThat(rejected.problems())
        .extracting(ConfigProblem::message)
        .containsExactly(
            file
                + ":2:24: secrets.maximumAge: invalid value; value: 0s; allowed: a duration from 1h to 3650d, such as 90d, 2160h or P90D",
            file
                + ":3:34: certificates.minimumDaysLeft: invalid value; value: -1; allowed: a whole number of days from 1 to 3650");
    assertThat(holder.current().keyMaximumAge()).isEqualTo(Duration.ofDays(60));
    assertThat(applied).containsExactly(Duration.ofDays(60));
    assertThat(events).singleElement().satisfies(e -> assertThat(e.result()).isEqualTo(result));
    assertThat(holder.reloadIfChanged()).isEqualTo(result);
    assertThat(events).hasSize(1);
  }

  @Test
  void anAcceptedFileReachesEveryConsumerAndThenUnchangedIsQuiet() throws Exception {
    Path file = write("keys: { maximumAge: 60d }\n");
    ReloadableSecurityPolicy holder = builder(file).build();
    List<String> seen = new ArrayList<>();
    holder.addApplier("a", f -> seen.add("a " + f.policy().keyMaximumAge().toDays()));
    holder.addApplier("b", f -> seen.add("b " + f.policy().keyMaximumAge().toDays()));

    write("# tightened\nkeys: { maximumAge: 30d }\n");
    clock.advance(Duration.ofMinutes(1));

    assertThat(holder.reloadIfChanged()).isInstanceOf(PolicyReload.Applied.class);
    assertThat(holder.current().keyMaximumAge()).isEqualTo(Duration.ofDays(30));
    assertThat(holder.currentFile().location("keys.maximumAge").orElseThrow().line()).isEqualTo(2);
    assertThat(seen).containsExactly("a 60", "b 60", "a 30", "b 30");
    assertThat(events)
        .singleElement()
        .satisfies(e -> assertThat(e.at()).isEqualTo(clock.instant()));
    assertThat(holder.reloadIfChanged()).isInstanceOf(PolicyReload.Unchanged.class);
    write("keys:\n  maximumAge: 720h\n");
    assertThat(holder.reloadIfChanged()).isInstanceOf(PolicyReload.Unchanged.class);
    assertThat(events).hasSize(1);
  }

  @Test
  void aValidatorRefusalRejectsTheReloadForEveryone() throws Exception {
    Path file = write("{}\n");
    ReloadableSecurityPolicy holder =
        builder(file)
            .validator(
                "kms",
                f ->
                    f.policy().keyMaximumAge().compareTo(Duration.ofDays(365)) > 0
                        ? List.of(
                            f.problem(
                                "keys.maximumAge",
                                "too long",
                                "the KMS rotates yearly",
                                "at most 365d"))
                        : List.of())
            .build();
    List<SecurityPolicyFile> applied = new ArrayList<>();
    holder.addApplier("scanner", applied::add);

    write("keys:\n  maximumAge: 400d\n");
    PolicyReload result = holder.reload();

    assertThat(((PolicyReload.Refused) result).message())
        .isEqualTo(
            file
                + ":2:15: keys.maximumAge: the KMS rotates yearly; value: too long; allowed: at most 365d");
    assertThat(applied).hasSize(1);
    assertThat(holder.current()).isEqualTo(SecurityPolicy.defaults());
  }

  @Test
  void anApplierFailureRestoresThePreviousPolicyInEveryConsumer() throws Exception {
    Path file = write("{}\n");
    ReloadableSecurityPolicy holder = builder(file).build();
    List<Long> first = new ArrayList<>();
    holder.addApplier("first", f -> first.add(f.policy().keyMaximumAge().toDays()));
    holder.addApplier(
        "second",
        f -> {
          if (f.policy().keyMaximumAge().toDays() == 10) {
            throw new IllegalStateException("cannot take it");
          }
        });

    write("keys: { maximumAge: 10d }\n");
    PolicyReload result = holder.reload();

    assertThat(((PolicyReload.Refused) result).result()).isInstanceOf(ReloadResult.Failed.class);
    assertThat(first).containsExactly(90L, 10L, 90L);
    assertThat(holder.current().keyMaximumAge()).isEqualTo(Duration.ofDays(90));
  }

  @Test
  void aBadFirstFileFailsTheBuildWithEveryProblem() throws Exception {
    Path file = write("keys: { maximumAge: 1s, extra: 1 }\n");

    assertThatThrownBy(() -> builder(file).build())
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).hasSize(2));
  }

  @Test
  void aDeletedFileIsRefusedAndThePolicyKept() throws Exception {
    Path file = write("keys: { maximumAge: 60d }\n");
    ReloadableSecurityPolicy holder = builder(file).build();

    Files.delete(file);

    assertThat(holder.reloadIfChanged()).isInstanceOf(PolicyReload.Refused.class);
    assertThat(holder.current().keyMaximumAge()).isEqualTo(Duration.ofDays(60));
  }
}
