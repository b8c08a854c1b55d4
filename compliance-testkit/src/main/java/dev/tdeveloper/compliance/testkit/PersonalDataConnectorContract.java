package dev.tdeveloper.compliance.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tdeveloper.compliance.privacy.DataSubject;
import dev.tdeveloper.compliance.spi.ErasureStrategy;
import dev.tdeveloper.compliance.spi.PersonalDataConnector;
import dev.tdeveloper.compliance.spi.PersonalDataRecord;
import dev.tdeveloper.tenancy.TenantId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link PersonalDataConnector} must meet: extend this class, return a fresh,
 * empty connector from {@link #newConnector()} and store records through {@link #store}. It checks
 * that collect returns what was stored, that erasure leaves no trace of the subject and touches no
 * other subject (nor the same identifier in another tenant), rectification, restriction, and that
 * an unsupported erasure strategy is refused clearly without a change.
 */
public abstract class PersonalDataConnectorContract {
  private static final TenantId ACME = TenantId.of("acme");
  private static final TenantId GLOBEX = TenantId.of("globex");

  /** The connector under test, fresh for each test. */
  protected PersonalDataConnector connector;

  /** Returns a new, empty connector. */
  protected abstract PersonalDataConnector newConnector();

  /** Stores {@code record} for {@code subject} in {@code connector}, as the system would. */
  protected abstract void store(
      PersonalDataConnector connector, DataSubject subject, PersonalDataRecord record);

  /** Creates the connector. */
  @BeforeEach
  void createConnector() {
    connector = newConnector();
  }

  private String category() {
    return connector.categories().stream().sorted().findFirst().orElseThrow();
  }

  private PersonalDataRecord record(String email, String name) {
    return PersonalDataRecord.of(category(), Map.of("email", email, "name", name));
  }

  private static DataSubject subject(TenantId tenant, String email) {
    return DataSubject.of(tenant, "email", email);
  }

  @Test
  void collectReturnsWhatWasStored() {
    DataSubject alice = subject(ACME, "alice@example.com");
    store(connector, alice, record("alice@example.com", "Alice"));
    assertThat(connector.collect(alice)).containsExactly(record("alice@example.com", "Alice"));
    assertThat(connector.collect(subject(ACME, "nobody@example.com"))).isEmpty();
  }

  @Test
  void eraseLeavesNoTraceOfTheSubjectAndTouchesNoOtherSubject() {
    DataSubject alice = subject(ACME, "alice@example.com");
    DataSubject bob = subject(ACME, "bob@example.com");
    DataSubject aliceElsewhere = subject(GLOBEX, "alice@example.com");
    store(connector, alice, record("alice@example.com", "Alice"));
    store(connector, bob, record("bob@example.com", "Bob"));
    store(connector, aliceElsewhere, record("alice@example.com", "Alice G"));
    connector.restrict(alice, Set.of("marketing"));
    ErasureStrategy strategy = connector.supportedStrategies().iterator().next();

    int erased = connector.erase(alice, strategy, connector.categories());

    assertThat(erased).isEqualTo(1);
    assertThat(connector.collect(alice)).isEmpty();
    assertThat(connector.restrictions(alice)).isEmpty();
    assertThat(connector.collect(bob)).containsExactly(record("bob@example.com", "Bob"));
    assertThat(connector.collect(aliceElsewhere))
        .containsExactly(record("alice@example.com", "Alice G"));
  }

  @Test
  void rectifyChangesTheSubjectsFieldOnly() {
    DataSubject alice = subject(ACME, "alice@example.com");
    DataSubject bob = subject(ACME, "bob@example.com");
    store(connector, alice, record("alice@example.com", "Alcie"));
    store(connector, bob, record("bob@example.com", "Bob"));

    assertThat(connector.rectify(alice, "name", "Alice")).isEqualTo(1);
    assertThat(connector.rectify(alice, "no-such-field", "x")).isZero();

    assertThat(connector.collect(alice)).containsExactly(record("alice@example.com", "Alice"));
    assertThat(connector.collect(bob)).containsExactly(record("bob@example.com", "Bob"));
  }

  @Test
  void restrictRecordsThePurposesForTheSubjectOnly() {
    DataSubject alice = subject(ACME, "alice@example.com");
    store(connector, alice, record("alice@example.com", "Alice"));
    connector.restrict(alice, Set.of("marketing"));
    connector.restrict(alice, Set.of("profiling"));

    assertThat(connector.restrictions(alice)).containsExactlyInAnyOrder("marketing", "profiling");
    assertThat(connector.restrictions(subject(GLOBEX, "alice@example.com"))).isEmpty();
    assertThat(connector.collect(alice)).hasSize(1);
  }

  @Test
  void unsupportedStrategyIsRefusedClearlyWithoutAChange() {
    Optional<ErasureStrategy> unsupported =
        Arrays.stream(ErasureStrategy.values())
            .filter(s -> !connector.supportedStrategies().contains(s))
            .findFirst();
    assumeTrue(unsupported.isPresent(), "the connector supports every strategy");
    DataSubject alice = subject(ACME, "alice@example.com");
    store(connector, alice, record("alice@example.com", "Alice"));

    assertThatThrownBy(() -> connector.erase(alice, unsupported.get(), connector.categories()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(connector.name())
        .hasMessageContaining(unsupported.get().name());
    assertThat(connector.collect(alice)).hasSize(1);
  }

  @Test
  void supportsAtLeastOneStrategyAndOneCategory() {
    assertThat(connector.supportedStrategies()).isNotEmpty();
    assertThat(connector.categories()).isNotEmpty();
    assertThat(List.copyOf(connector.categories())).doesNotContainNull();
  }
}
