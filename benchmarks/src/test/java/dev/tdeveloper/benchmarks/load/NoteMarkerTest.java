package dev.tdeveloper.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NoteMarkerTest {
  @Test
  void writtenNotesNameTheirTenant() {
    assertThat(NoteMarker.owner(NoteMarker.text(42, "lt-007"))).contains("lt-007");
  }

  @Test
  void seededNotesNameTheirTenant() {
    assertThat(NoteMarker.owner("seed of lt-100")).contains("lt-100");
  }

  @Test
  void aNoteOfAnotherTenantNamesThatTenant() {
    assertThat(NoteMarker.owner(NoteMarker.text(1, "lt-002")))
        .isPresent()
        .get()
        .isNotEqualTo("lt-001");
  }

  @Test
  void textWithoutMarkerHasNoOwner() {
    assertThat(NoteMarker.owner("note 5")).isEmpty();
    assertThat(NoteMarker.owner("hello of lt-001")).isEmpty();
    assertThat(NoteMarker.owner("note 5 of lt-001 and more")).isEmpty();
  }
}
