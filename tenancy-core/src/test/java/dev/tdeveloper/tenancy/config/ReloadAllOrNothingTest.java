package dev.tdeveloper.tenancy.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reload applies to every consumer or to none, and a rejection lists every problem. */
class ReloadAllOrNothingTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final String RPS = "ratelimit.requests-per-second";

  @TempDir Path dir;
  private Path file;
  private final ManualClock clock = new ManualClock();
  private final List<ConfigReloadEvent> events = new CopyOnWriteArrayList<>();

  @BeforeEach
  void writeInitialFile() throws Exception {
    file = dir.resolve("tenants.yaml");
    Files.writeString(file, Yamls.EXAMPLE);
  }

  /** Refuses a requests-per-second below 1 for every plan and listed tenant. */
  private static List<ConfigProblem> positiveRates(TenantConfig config) {
    List<ConfigProblem> problems = new ArrayList<>();
    for (String plan : config.plans()) {
      TenantSettings settings = config.settingsForPlan(plan);
      if (settings.getLong(RPS).orElse(1L) < 1) {
        problems.add(settings.problem(RPS, "is below the minimum", "1 or more"));
      }
    }
    return problems;
  }

  /** Refuses a burst above 100 in the defaults. */
  private static List<ConfigProblem> smallBursts(TenantConfig config) {
    TenantSettings settings = config.settingsForPlan(config.defaultPlan());
    return settings.getLong("ratelimit.burst").orElse(0L) > 100
        ? List.of(settings.problem("ratelimit.burst", "is too large", "0 to 100"))
        : List.of();
  }

  private ReloadableTenantConfig build() {
    return ReloadableTenantConfig.builder(file)
        .clock(clock)
        .validator("rates", ReloadAllOrNothingTest::positiveRates)
        .validator("bursts", ReloadAllOrNothingTest::smallBursts)
        .listener(events::add)
        .build();
  }

  private static long rps(TenantConfig config) {
    return config.settingsFor(ACME).requireLong(RPS);
  }

  @Test
  void rejectsTheWholeReloadListingEveryProblemOfEveryValidatorAndAppliesNothing()
      throws Exception {
    ReloadableTenantConfig config = build();
    TenantConfig before = config.current();
    List<Long> applied = new CopyOnWriteArrayList<>();
    config.addApplier("recorder", c -> applied.add(rps(c)));
    Files.writeString(
        file,
        Yamls.EXAMPLE
            .replace("burst: 10 }", "burst: 500 }")
            .replace(
                "ratelimit: { requests-per-second: 50 }", "ratelimit: { requests-per-second: -3 }")
            .replace(
                "acme:\n    plan: pro", "acme:\n    plan: pro\n  hooli: {}\n  x:\n    plan: pro"));

    ReloadResult result = config.reload();

    assertThat(result).isInstanceOf(ReloadResult.Rejected.class);
    List<ConfigProblem> problems = ((ReloadResult.Rejected) result).problems();
    assertThat(problems)
        .extracting(ConfigProblem::message)
        .containsExactly(
            file
                + ":11:41: plans.pro.settings.ratelimit.requests-per-second: setting"
                + " 'ratelimit.requests-per-second' of plan 'pro' (from layer PLAN) is below the"
                + " minimum; value: -3; allowed: 1 or more",
            file
                + ":3:47: defaults.ratelimit.burst: setting 'ratelimit.burst' of plan 'free' (from"
                + " layer DEFAULTS) is too large; value: 500; allowed: 0 to 100");
    assertThat(problems.get(0).location()).hasValue(new ConfigLocation(file.toString(), 11, 41));
    assertThat(problems.get(0).value()).hasValue("-3");
    assertThat(problems.get(0).allowed()).hasValue("1 or more");
    assertThat(config.current()).isSameAs(before);
    assertThat(config.current().tenant(TenantId.of("hooli"))).isEmpty();
    assertThat(applied).as("only the registration applied anything").containsExactly(80L);
    assertThat(events).singleElement().satisfies(e -> assertThat(e.result()).isSameAs(result));
  }

  @Test
  void rollsEveryConsumerBackWhenOneFailsToApply() throws Exception {
    ReloadableTenantConfig config = build();
    TenantConfig before = config.current();
    List<String> calls = new CopyOnWriteArrayList<>();
    config.addApplier("first", c -> calls.add("first " + rps(c)));
    config.addApplier(
        "second",
        c -> {
          calls.add("second " + rps(c));
          if (rps(c) == 90) {
            throw new IllegalStateException("cannot take 90");
          }
        });
    config.addApplier("third", c -> calls.add("third " + rps(c)));
    calls.clear();
    Files.writeString(
        file, Yamls.EXAMPLE.replace("requests-per-second: 80", "requests-per-second: 90"));

    ReloadResult result = config.reloadIfChanged();

    assertThat(result).isInstanceOf(ReloadResult.Failed.class);
    ReloadResult.Failed failed = (ReloadResult.Failed) result;
    assertThat(failed.applier()).isEqualTo("second");
    assertThat(failed.cause()).hasMessage("cannot take 90");
    assertThat(failed.notRestored()).isEmpty();
    assertThat(calls).containsExactly("first 90", "second 90", "second 80", "first 80");
    assertThat(config.current()).isSameAs(before);
    assertThat(events).singleElement().satisfies(e -> assertThat(e.failed()).isTrue());
    assertThat(config.reloadIfChanged()).as("same content, same answer").isSameAs(result);
    assertThat(events).hasSize(1);
  }

  @Test
  void namesTheConsumersThatCouldNotBeRestored() throws Exception {
    ReloadableTenantConfig config = build();
    AtomicBoolean tookNew = new AtomicBoolean();
    config.addApplier(
        "fragile",
        c -> {
          if (rps(c) == 90) {
            tookNew.set(true);
          } else if (tookNew.get()) {
            throw new IllegalStateException("cannot go back");
          }
        });
    config.addApplier(
        "picky",
        c -> {
          if (rps(c) == 90) {
            throw new IllegalStateException("cannot take 90");
          }
        });
    Files.writeString(
        file, Yamls.EXAMPLE.replace("requests-per-second: 80", "requests-per-second: 90"));

    ReloadResult.Failed failed = (ReloadResult.Failed) config.reload();

    assertThat(failed.notRestored()).containsExactly("fragile");
    assertThat(failed.cause().getSuppressed())
        .singleElement()
        .satisfies(e -> assertThat(e).hasMessage("cannot go back"));
    assertThat(failed.message()).contains("'picky'", "could not restore", "[fragile]");
    assertThat(rps(config.current())).isEqualTo(80);
  }

  @Test
  void aValidatorThatThrowsRejectsTheReloadNamingIt() throws Exception {
    ReloadableTenantConfig config =
        ReloadableTenantConfig.builder(file)
            .validator(
                "buggy",
                c -> {
                  if (rps(c) == 90) {
                    throw new IllegalStateException("bug");
                  }
                  return List.of();
                })
            .build();
    Files.writeString(
        file, Yamls.EXAMPLE.replace("requests-per-second: 80", "requests-per-second: 90"));

    ReloadResult.Rejected rejected = (ReloadResult.Rejected) config.reload();

    assertThat(rejected.message())
        .isEqualTo("validator 'buggy' failed: java.lang.IllegalStateException: bug");
    assertThat(rps(config.current())).isEqualTo(80);
  }

  @Test
  void theFirstFileMustPassEveryValidator() throws Exception {
    Files.writeString(
        file,
        Yamls.EXAMPLE
            .replace("burst: 10 }", "burst: 500 }")
            .replace(
                "ratelimit: { requests-per-second: 50 }", "ratelimit: { requests-per-second: 0 }"));

    assertThatThrownBy(this::build)
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> {
              assertThat(e.problems()).hasSize(2);
              assertThat(e.location()).isEmpty();
            })
        .hasMessageStartingWith("2 problems:\n  " + file + ":11:41: ")
        .hasMessageContaining("\n  " + file + ":3:47: defaults.ratelimit.burst: ");
  }

  @Test
  void addApplierAppliesTheCurrentConfigurationAtOnceAndRegistersOnlyOnSuccess() throws Exception {
    ReloadableTenantConfig config = build();
    List<Long> applied = new CopyOnWriteArrayList<>();
    config.addApplier("recorder", c -> applied.add(rps(c)));
    assertThat(applied).containsExactly(80L);
    assertThatThrownBy(
            () ->
                config.addApplier(
                    "refuses",
                    c -> {
                      throw new IllegalStateException("no");
                    }))
        .hasMessage("no");
    Files.writeString(
        file, Yamls.EXAMPLE.replace("requests-per-second: 80", "requests-per-second: 90"));

    assertThat(config.reload()).isInstanceOf(ReloadResult.Reloaded.class);
    assertThat(applied).containsExactly(80L, 90L);
    assertThat(rps(config.current())).isEqualTo(90);
  }

  @Test
  void problemsAndTheirExceptionsValidateAndRenderTheirParts() {
    ConfigProblem whole =
        ConfigProblem.of(new ConfigException("cannot read tenants.yaml: NoSuchFileException"));
    assertThat(whole.message()).isEqualTo("cannot read tenants.yaml: NoSuchFileException");
    assertThat(whole.path()).isEqualTo(ConfigProblem.WHOLE_FILE);
    ConfigException single = new ConfigException(List.of(whole));
    assertThat(single.path()).isEmpty();
    assertThat(single.problems()).containsExactly(whole);
    ConfigProblem missing =
        Yamls.load(Yamls.EXAMPLE).settingsFor(ACME).problem("x.y", "is not set", "1 or more");
    assertThat(missing.location()).isEmpty();
    assertThat(missing.value()).isEqualTo(Optional.empty());
    assertThat(missing.message())
        .isEqualTo(
            "x.y: setting 'x.y' of tenant 'acme' (plan 'pro') is not set; allowed: 1 or more");
    assertThatThrownBy(() -> new ConfigException(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ReloadResult.Rejected(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ReloadableTenantConfig.builder(file).validator(" ", c -> List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    List<TenantConfig> applied = new ArrayList<>();
    assertThatThrownBy(
            () -> ReloadableTenantConfig.builder(file).build().addApplier("", applied::add))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(applied).as("a refused registration applies nothing").isEmpty();
  }
}
