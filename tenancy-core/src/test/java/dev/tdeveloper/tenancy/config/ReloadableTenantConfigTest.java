package dev.tdeveloper.tenancy.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReloadableTenantConfigTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final TenantId GLOBEX = TenantId.of("globex");

  @TempDir Path dir;
  private Path file;
  private final ManualClock clock = new ManualClock();
  private final List<ConfigReloadEvent> events = new CopyOnWriteArrayList<>();

  @BeforeEach
  void writeInitialFile() throws Exception {
    file = dir.resolve("tenants.yaml");
    Files.writeString(file, Yamls.EXAMPLE);
  }

  private ReloadableTenantConfig build() {
    return ReloadableTenantConfig.builder(file).clock(clock).listener(events::add).build();
  }

  @Test
  void putsAChangedFileInForceAndNamesTheTenantsItChanged() throws Exception {
    ReloadableTenantConfig config = build();
    Files.writeString(
        file, Yamls.EXAMPLE.replace("requests-per-second: 80", "requests-per-second: 90"));
    clock.advance(Duration.ofSeconds(5));

    ReloadResult result = config.reload();

    assertThat(result).isInstanceOf(ReloadResult.Reloaded.class);
    ReloadResult.Reloaded reloaded = (ReloadResult.Reloaded) result;
    assertThat(reloaded.changedTenants()).containsExactly(ACME);
    assertThat(reloaded.unlistedTenantsChanged()).isFalse();
    assertThat(config.current()).isSameAs(reloaded.config());
    assertThat(config.current().settingsFor(ACME).requireInt("ratelimit.requests-per-second"))
        .isEqualTo(90);
    assertThat(events)
        .containsExactly(new ConfigReloadEvent(file.toString(), clock.instant(), result));
  }

  @Test
  void reportsEveryTenantAndUnlistedTenantsWhenDefaultsChange() throws Exception {
    ReloadableTenantConfig config = build();
    Files.writeString(file, Yamls.EXAMPLE.replace("burst: 10", "burst: 20") + "  initech: {}\n");

    ReloadResult.Reloaded reloaded = (ReloadResult.Reloaded) config.reload();

    assertThat(reloaded.changedTenants()).containsExactly(ACME, GLOBEX, TenantId.of("initech"));
    assertThat(reloaded.unlistedTenantsChanged()).isTrue();
  }

  @Test
  void keepsTheOldConfigurationWhenTheNewFileIsInvalid() throws Exception {
    ReloadableTenantConfig config = build();
    TenantConfig before = config.current();
    Files.writeString(
        file, Yamls.EXAMPLE.replace("acme:\n    plan: pro", "acme:\n    plan: platinum"));

    ReloadResult result = config.reload();

    assertThat(result).isInstanceOf(ReloadResult.Rejected.class);
    assertThat(((ReloadResult.Rejected) result).problems())
        .singleElement()
        .satisfies(
            p ->
                assertThat(p.message())
                    .startsWith(file + ":15:11: tenants.acme.plan: unknown plan 'platinum'"));
    assertThat(config.current()).isSameAs(before);
    assertThat(events).singleElement().satisfies(e -> assertThat(e.rejected()).isTrue());
  }

  @Test
  void keepsTheOldConfigurationWhenTheFileIsDeleted() throws Exception {
    ReloadableTenantConfig config = build();
    TenantConfig before = config.current();
    Files.delete(file);

    ReloadResult result = config.reloadIfChanged();

    assertThat(result).isInstanceOf(ReloadResult.Rejected.class);
    assertThat(((ReloadResult.Rejected) result).message())
        .contains("cannot read " + file + ": NoSuchFileException");
    assertThat(config.current()).isSameAs(before);
  }

  @Test
  void reloadIfChangedSkipsParsingWhenTheContentIsTheSame() {
    ReloadableTenantConfig config = build();
    TenantConfig before = config.current();

    assertThat(config.reloadIfChanged()).isEqualTo(new ReloadResult.Unchanged());
    assertThat(config.current()).isSameAs(before);
    assertThat(events).isEmpty();
  }

  @Test
  void reloadIfChangedReportsAPersistentBadFileOnce() throws Exception {
    ReloadableTenantConfig config = build();
    Files.writeString(file, "plans: [\n");

    ReloadResult first = config.reloadIfChanged();
    ReloadResult second = config.reloadIfChanged();

    assertThat(first).isInstanceOf(ReloadResult.Rejected.class);
    assertThat(second).isSameAs(first);
    assertThat(events).hasSize(1);
    assertThat(config.reload()).isInstanceOf(ReloadResult.Rejected.class);
    assertThat(events).as("an explicit reload reports again").hasSize(2);
  }

  @Test
  void treatsACommentOnlyChangeAsUnchangedButRefreshesLineNumbers() throws Exception {
    ReloadableTenantConfig config = build();
    Files.writeString(file, "# reviewed\n" + Yamls.EXAMPLE);

    assertThat(config.reloadIfChanged()).isInstanceOf(ReloadResult.Unchanged.class);
    assertThat(events).isEmpty();
    assertThat(config.current().settingsFor(ACME).location("ratelimit.burst").orElseThrow().line())
        .isEqualTo(4);
  }

  @Test
  void recoversWhenTheGoodFileIsRestored() throws Exception {
    ReloadableTenantConfig config = build();
    Files.writeString(file, "");
    assertThat(config.reloadIfChanged()).isInstanceOf(ReloadResult.Rejected.class);

    Files.writeString(file, Yamls.EXAMPLE);

    assertThat(config.reloadIfChanged()).isInstanceOf(ReloadResult.Unchanged.class);
    assertThat(config.reloadIfChanged()).isInstanceOf(ReloadResult.Unchanged.class);
  }

  @Test
  void aThrowingListenerDoesNotBreakTheReload() throws Exception {
    ReloadableTenantConfig config =
        ReloadableTenantConfig.builder(file)
            .listener(
                e -> {
                  throw new IllegalStateException("listener bug");
                })
            .listener(events::add)
            .build();
    Files.writeString(file, Yamls.EXAMPLE.replace("80", "81"));

    assertThat(config.reload()).isInstanceOf(ReloadResult.Reloaded.class);
    assertThat(events).hasSize(1);
    assertThat(config.current().settingsFor(ACME).requireInt("ratelimit.requests-per-second"))
        .isEqualTo(81);
  }

  @Test
  void failsToBuildWhenTheInitialLoadFails() throws Exception {
    Files.writeString(file, "tenants: { Acme: {} }\n");

    assertThatThrownBy(this::build)
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(file + ":1:");
    Files.delete(file);
    assertThatThrownBy(this::build).isInstanceOf(ConfigException.class);
  }

  @Test
  void builderValidatesItsArguments() {
    assertThatThrownBy(() -> ReloadableTenantConfig.builder(null)).hasMessage("path");
    ReloadableTenantConfig.Builder builder = ReloadableTenantConfig.builder(file).clock(clock);
    assertThatThrownBy(() -> builder.clock(clock)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> builder.listener(null)).hasMessage("listener");
    assertThatThrownBy(
            () -> new ConfigReloadEvent("f", clock.instant(), new ReloadResult.Unchanged()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
