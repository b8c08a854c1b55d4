package dev.tdeveloper.compliance.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.tdeveloper.compliance.controls.ControlCatalog;
import dev.tdeveloper.compliance.spi.EvidenceCollector;
import dev.tdeveloper.compliance.spi.EvidenceItem;
import dev.tdeveloper.compliance.spi.EvidencePeriod;
import dev.tdeveloper.compliance.spi.EvidenceResult;
import dev.tdeveloper.compliance.spi.EvidenceStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link EvidenceCollector} keeps: its item has every field, a hash that
 * verifies and breaks on any edit, covers exactly the period asked, names only controls the catalog
 * has, and an empty population is evidence too, never an exception. Extend it and return your
 * collector.
 */
public abstract class EvidenceCollectorContract {
  /** The period the kit asks for first: the first quarter of 2024. */
  protected static final EvidencePeriod Q1 =
      new EvidencePeriod(
          Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-04-01T00:00:00Z"));

  /** A second period, to see that the item follows the period asked. */
  protected static final EvidencePeriod Q2 =
      new EvidencePeriod(
          Instant.parse("2024-04-01T00:00:00Z"), Instant.parse("2024-07-01T00:00:00Z"));

  /** Returns the collector under test, over a population with at least one item. */
  protected abstract EvidenceCollector collector();

  /** Returns the same kind of collector over an empty population (no tenants, sets or scopes). */
  protected abstract EvidenceCollector collectorOverEmptyPopulation();

  /** Returns the catalog the collector's control ids must be in (default: the bundled one). */
  protected ControlCatalog catalog() {
    return ControlCatalog.defaults();
  }

  @Test
  void itemCarriesEveryField() {
    EvidenceCollector c = collector();
    EvidenceItem item = c.collect(Q1);
    assertThat(item).isNotNull();
    assertThat(item.collectorId()).isEqualTo(c.id());
    assertThat(item.source()).isNotBlank();
    assertThat(item.owner()).isNotBlank();
    assertThat(item.population()).isNotNull();
    assertThat(item.population().size()).isNotNegative();
    assertThat(item.population().description()).isNotBlank();
    assertThat(item.query()).isNotBlank();
    assertThat(item.result().summary()).isNotBlank();
    assertThat(item.collectedAt()).isNotNull();
    assertThat(item.hash()).hasSize(64);
  }

  @Test
  void hashVerifiesAndBreaksOnAnyEdit() {
    EvidenceItem item = collector().collect(Q1);
    assertThat(item.verifyHash()).isTrue();
    EvidenceStatus other =
        item.result().status() == EvidenceStatus.PASS ? EvidenceStatus.FAIL : EvidenceStatus.PASS;
    EvidenceItem edited =
        new EvidenceItem(
            item.collectorId(),
            item.source(),
            item.owner(),
            item.period(),
            item.population(),
            item.query(),
            new EvidenceResult(other, item.result().summary(), item.result().facts()),
            item.collectedAt(),
            item.hash());
    assertThat(edited.verifyHash()).isFalse();
    EvidenceItem reowned =
        new EvidenceItem(
            item.collectorId(),
            item.source(),
            item.owner() + " (edited)",
            item.period(),
            item.population(),
            item.query(),
            item.result(),
            item.collectedAt(),
            item.hash());
    assertThat(reowned.verifyHash()).isFalse();
  }

  @Test
  void itemCoversExactlyThePeriodAsked() {
    EvidenceCollector c = collector();
    assertThat(c.collect(Q1).period()).isEqualTo(Q1);
    assertThat(c.collect(Q2).period()).isEqualTo(Q2);
  }

  @Test
  void controlIdsAreKnownToTheCatalog() {
    EvidenceCollector c = collector();
    assertThat(c.controlIds()).isNotEmpty();
    for (String id : c.controlIds()) {
      assertThat(catalog().contains(id)).as("catalog has control %s", id).isTrue();
    }
  }

  @Test
  void emptyPopulationIsEvidenceNotAnException() {
    EvidenceCollector c = collectorOverEmptyPopulation();
    assertThatCode(() -> c.collect(Q1)).doesNotThrowAnyException();
    EvidenceItem item = c.collect(Q1);
    assertThat(item.population().size()).isZero();
    assertThat(item.verifyHash()).isTrue();
    assertThat(item.result().status()).isNotEqualTo(EvidenceStatus.FAIL);
  }
}
