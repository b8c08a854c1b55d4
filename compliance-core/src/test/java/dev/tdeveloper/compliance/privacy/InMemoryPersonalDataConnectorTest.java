package dev.tdeveloper.compliance.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.compliance.spi.ErasureStrategy;
import dev.tdeveloper.compliance.spi.PersonalDataConnector;
import dev.tdeveloper.compliance.spi.PersonalDataRecord;
import dev.tdeveloper.compliance.testkit.PersonalDataConnectorContract;
import dev.tdeveloper.tenancy.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InMemoryPersonalDataConnectorTest extends PersonalDataConnectorContract {
  private static final TenantId ACME = TenantId.of("acme");

  @Override
  protected PersonalDataConnector newConnector() {
    return InMemoryPersonalDataConnector.create("crm", Set.of("profile", "orders"));
  }

  @Override
  protected void store(
      PersonalDataConnector connector, DataSubject subject, PersonalDataRecord record) {
    ((InMemoryPersonalDataConnector) connector).store(subject, record);
  }

  @Test
  void maskKeepsOnlyUnlinkedRecordsWithoutPersonalFields() {
    InMemoryPersonalDataConnector crm =
        InMemoryPersonalDataConnector.create(
            "crm", Set.of("orders"), ErasureHandlers.mask(Set.of("country")));
    DataSubject alice = DataSubject.of(ACME, "email", "alice@example.com");
    crm.store(
        alice,
        PersonalDataRecord.of("orders", Map.of("email", "alice@example.com", "country", "FR")));

    assertThat(crm.erase(alice, ErasureStrategy.MASK, Set.of("orders"))).isEqualTo(1);

    assertThat(crm.collect(alice)).isEmpty();
    assertThat(crm.anonymizedRecords())
        .containsExactly(
            PersonalDataRecord.of(
                "orders", Map.of("email", ErasureHandlers.MASK, "country", "FR")));
  }

  @Test
  void cryptoShredDestroysTheSubjectsKeyOnce() {
    List<DataSubject> destroyed = new ArrayList<>();
    InMemoryPersonalDataConnector vault =
        InMemoryPersonalDataConnector.create(
            "documents", Set.of("files"), ErasureHandlers.cryptoShred(destroyed::add));
    DataSubject alice = DataSubject.of(ACME, "userId", "u-1");
    vault.store(alice, PersonalDataRecord.of("files", Map.of("blob", "ciphertext-1")));
    vault.store(alice, PersonalDataRecord.of("files", Map.of("blob", "ciphertext-2")));

    assertThat(vault.erase(alice, ErasureStrategy.CRYPTO_SHRED, Set.of("files"))).isEqualTo(2);

    assertThat(destroyed).containsExactly(alice);
    assertThat(vault.collect(alice)).isEmpty();
    assertThat(vault.supportedStrategies()).containsExactly(ErasureStrategy.CRYPTO_SHRED);
  }

  @Test
  void aFailingHandlerLeavesTheRecords() {
    InMemoryPersonalDataConnector docs =
        InMemoryPersonalDataConnector.create(
            "documents",
            Set.of("files"),
            ErasureHandlers.cryptoShred(
                s -> {
                  throw new IllegalStateException("key manager unreachable");
                }));
    DataSubject alice = DataSubject.of(ACME, "userId", "u-1");
    docs.store(alice, PersonalDataRecord.of("files", Map.of("blob", "c")));

    assertThatThrownBy(() -> docs.erase(alice, ErasureStrategy.CRYPTO_SHRED, Set.of("files")))
        .hasMessageContaining("key manager unreachable");
    assertThat(docs.collect(alice)).hasSize(1);
  }

  @Test
  void badConfigurationAndUnknownCategoriesFailClearly() {
    assertThatThrownBy(() -> InMemoryPersonalDataConnector.create("crm", Set.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one category");
    assertThatThrownBy(() -> InMemoryPersonalDataConnector.create("bad name", Set.of("a")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("connector name");
    assertThatThrownBy(
            () ->
                InMemoryPersonalDataConnector.create(
                    "crm", Set.of("a"), ErasureHandlers.delete(), ErasureHandlers.delete()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("two handlers for DELETE");
    InMemoryPersonalDataConnector crm =
        InMemoryPersonalDataConnector.create("crm", Set.of("profile"));
    DataSubject alice = DataSubject.of(ACME, "userId", "u-1");
    assertThatThrownBy(() -> crm.store(alice, PersonalDataRecord.of("orders", Map.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not hold category 'orders'");
  }
}
