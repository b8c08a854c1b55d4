package dev.tdeveloper.compliance.controls;

import java.util.Collections;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One control of a framework: a SOC 2 criterion, an ISO/IEC 27001 Annex A control or a HIPAA
 * safeguard, with the ids of the controls of other frameworks the catalog maps it to. Mappings are
 * symmetric: if {@code CC6.1} maps to {@code A.8.24}, {@code A.8.24} maps to {@code CC6.1}.
 * Immutable and thread-safe.
 *
 * @param id the control id, in the framework's syntax
 * @param framework the framework the control belongs to
 * @param title the control's title or criterion text
 * @param category the group the framework puts it in, such as {@code Logical and Physical Access
 *     Controls} or {@code Technical safeguards}
 * @param mappedIds the ids of mapped controls in other frameworks, sorted
 */
public record Control(
    String id, Framework framework, String title, String category, SortedSet<String> mappedIds) {
  /**
   * Checks the fields and copies the mapped ids.
   *
   * @throws IllegalArgumentException if the id does not have the framework's syntax, or the title
   *     or category is blank
   */
  public Control {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(framework, "framework");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(mappedIds, "mappedIds");
    if (!framework.accepts(id)) {
      throw new IllegalArgumentException(
          "Control.id '"
              + id
              + "' does not match the "
              + framework
              + " pattern "
              + framework.idPattern());
    }
    if (title.isBlank() || category.isBlank()) {
      throw new IllegalArgumentException("Control " + id + " needs a title and a category");
    }
    mappedIds = Collections.unmodifiableSortedSet(new TreeSet<>(mappedIds));
  }
}
