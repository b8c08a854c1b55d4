package dev.tdeveloper.tenancy.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.IllegalTenantTransitionException;
import dev.tdeveloper.tenancy.IsolationMode;
import dev.tdeveloper.tenancy.Tenant;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.TenantStatus;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the file registry adds to the contract: durability, recovery, errors, isolation. */
class FileTenantRegistryTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final TenantId GLOBEX = TenantId.of("globex");

  @TempDir Path temp;
  private FileTenantRegistry registry;

  private Path dir() {
    return temp.resolve("registry");
  }

  private FileTenantRegistry open() {
    registry = FileTenantRegistry.builder(dir()).open();
    return registry;
  }

  private FileTenantRegistry reopen() {
    registry.close();
    return open();
  }

  @AfterEach
  void close() {
    if (registry != null) {
      registry.close();
    }
  }

  private static Tenant full(TenantId id) {
    return Tenant.builder(id)
        .displayName("Acme \"Ünïcode\" & Co")
        .plan("pro")
        .status(TenantStatus.ACTIVE)
        .homeRegion("eu-west-1")
        .isolation(IsolationMode.SCHEMA)
        .timeZone(ZoneId.of("Europe/Berlin"))
        .attributes(Map.of("tier", "gold", "note", "line\nbreak"))
        .build();
  }

  @Test
  void readsBackEveryFieldOfCreatedAndUpdatedTenantsAfterAReopen() {
    open().create(full(ACME));
    registry.create(Tenant.builder(GLOBEX).build());
    registry.update(GLOBEX, t -> t.withStatus(TenantStatus.ACTIVE).withPlan("team"));
    List<Tenant> before = registry.list();

    assertThat(reopen().list()).isEqualTo(before);
    assertThat(registry.find(ACME)).contains(full(ACME));
    assertThat(registry.find(GLOBEX).orElseThrow().plan()).isEqualTo("team");
    assertThat(registry.discardedBytesOnOpen()).isZero();
  }

  @Test
  void compactionKeepsOneRecordPerTenantAndTheLatestState() throws IOException {
    open().create(full(ACME));
    for (int i = 0; i < 50; i++) {
      String plan = "plan-" + i;
      registry.update(ACME, t -> t.withPlan(plan));
    }
    long before = Files.size(registry.file());

    assertThat(registry.compact()).isPositive();

    assertThat(Files.size(registry.file())).isLessThan(before / 10);
    assertThat(reopen().find(ACME)).contains(full(ACME).withPlan("plan-49"));
  }

  @Test
  void compactsByItselfOnceTheJournalReachesTheThreshold() throws IOException {
    registry = FileTenantRegistry.builder(dir()).compactionThresholdBytes(4096).open();
    registry.create(full(ACME));
    for (int i = 0; i < 200; i++) {
      String plan = "plan-" + i;
      registry.update(ACME, t -> t.withPlan(plan));
    }

    assertThat(Files.size(registry.file())).isLessThan(4096);
    assertThat(reopen().find(ACME).orElseThrow().plan()).isEqualTo("plan-199");
  }

  @Test
  void cutsATornTailAndKeepsEveryWholeRecord() throws IOException {
    open().create(full(ACME));
    registry.create(full(GLOBEX));
    registry.close();
    long whole = Files.size(dir().resolve(FileTenantRegistry.FILE_NAME));
    Files.write(
        dir().resolve(FileTenantRegistry.FILE_NAME),
        new byte[] {0, 0, 1, 0, 7, 7},
        StandardOpenOption.APPEND);

    open();

    assertThat(registry.list()).containsExactly(full(ACME), full(GLOBEX));
    assertThat(registry.discardedBytesOnOpen()).isEqualTo(6);
    assertThat(Files.size(registry.file())).isEqualTo(whole);
  }

  @Test
  void refusesToOpenAJournalDamagedBeforeItsLastRecordNamingFileAndOffset() throws IOException {
    open().create(full(ACME));
    long second = Files.size(registry.file());
    registry.create(full(GLOBEX));
    registry.create(Tenant.builder("initech").build());
    registry.close();
    registry = null;
    Path file = dir().resolve(FileTenantRegistry.FILE_NAME);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.write(ByteBuffer.wrap(new byte[] {'X'}), second + 20); // inside globex's payload
    }

    assertThatThrownBy(() -> FileTenantRegistry.builder(dir()).open())
        .isInstanceOf(FileTenantRegistryException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("corrupt at offset " + second);
  }

  @Test
  void refusesAFileThatIsNotATenantJournal() throws IOException {
    Files.createDirectories(dir());
    Files.writeString(dir().resolve(FileTenantRegistry.FILE_NAME), "id,name\nacme,Acme\n");

    assertThatThrownBy(() -> FileTenantRegistry.builder(dir()).open())
        .isInstanceOf(FileTenantRegistryException.class)
        .hasMessageContaining("is not a tenant registry journal");
  }

  @Test
  void aSecondRegistryOnTheSameDirectoryIsRefusedUntilTheFirstCloses() {
    open();

    assertThatThrownBy(() -> FileTenantRegistry.builder(dir()).open())
        .isInstanceOf(FileTenantRegistryException.class)
        .hasMessageContaining("already open elsewhere");
    registry.create(full(ACME));
    assertThat(reopen().find(ACME)).isPresent();
  }

  @Test
  void anOversizedTenantIsRejectedNamingItAndChangesNothing() {
    open().create(Tenant.builder(ACME).build());
    Map<String, String> huge = Map.of("blob", "x".repeat(FileTenantRegistry.MAX_RECORD_BYTES));

    assertThatThrownBy(() -> registry.create(Tenant.builder(GLOBEX).attributes(huge).build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("record of tenant 'globex'")
        .hasMessageContaining("at most " + FileTenantRegistry.MAX_RECORD_BYTES);
    assertThatThrownBy(() -> registry.update(ACME, t -> t.toBuilder().attributes(huge).build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("record of tenant 'acme'");

    assertThat(registry.list()).containsExactly(Tenant.builder(ACME).build());
    assertThat(reopen().list()).containsExactly(Tenant.builder(ACME).build());
  }

  @Test
  void aRejectedChangeIsNeitherVisibleNorJournaled() {
    open().create(Tenant.builder(ACME).build());

    assertThatThrownBy(() -> registry.update(ACME, t -> t.withStatus(TenantStatus.SUSPENDED)))
        .isInstanceOf(IllegalTenantTransitionException.class);
    assertThatThrownBy(() -> registry.update(ACME, t -> Tenant.builder(GLOBEX).build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must keep the id");

    assertThat(reopen().list()).containsExactly(Tenant.builder(ACME).build());
  }

  @Test
  void updatingOneTenantNeverChangesAnotherOnesRecord() {
    open().create(full(ACME));
    registry.create(full(GLOBEX));

    registry.update(GLOBEX, t -> t.toBuilder().plan("free").attributes(Map.of()).build());
    registry.compact();
    registry.update(GLOBEX, t -> t.withStatus(TenantStatus.SUSPENDED));

    assertThat(registry.find(ACME)).contains(full(ACME));
    assertThat(reopen().find(ACME)).contains(full(ACME));
    assertThat(registry.find(GLOBEX).orElseThrow().status()).isEqualTo(TenantStatus.SUSPENDED);
  }

  @Test
  void aClosedRegistryRefusesCallsNamingItsFile() {
    open().close();

    assertThatThrownBy(() -> registry.find(ACME))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is closed");
    assertThatThrownBy(() -> registry.create(full(ACME)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(FileTenantRegistry.FILE_NAME);
    registry.close();
  }

  @Test
  void builderRejectsBadSettings() {
    FileTenantRegistry.Builder builder = FileTenantRegistry.builder(dir());

    assertThatThrownBy(() -> builder.compactionThresholdBytes(1023))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("compactionThresholdBytes must be from 1024 to 9223372036854775807, was 1023");
    builder.compactionThresholdBytes(2048);
    assertThatThrownBy(() -> builder.compactionThresholdBytes(4096))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("compactionThresholdBytes");
    assertThatThrownBy(() -> FileTenantRegistry.builder(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("directory");
  }

  @Test
  void aDirectoryThatCannotBeCreatedIsAClearError() throws IOException {
    Path file = Files.writeString(temp.resolve("plain-file"), "x");

    assertThatThrownBy(() -> FileTenantRegistry.builder(file.resolve("registry")).open())
        .isInstanceOf(FileTenantRegistryException.class)
        .hasMessageContaining("cannot create the tenant registry directory");
  }
}
