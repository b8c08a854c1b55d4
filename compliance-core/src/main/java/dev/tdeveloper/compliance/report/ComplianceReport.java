package dev.tdeveloper.compliance.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tdeveloper.compliance.controls.ControlAssessment;
import dev.tdeveloper.compliance.controls.ControlResult;
import dev.tdeveloper.compliance.spi.EvidenceItem;
import java.util.Objects;
import java.util.UUID;

/**
 * A compliance report for one framework: the assessment as JSON shaped after the OSCAL 1.1
 * assessment-results model ({@link #toOscalJson()}), and as a self-contained HTML page ({@link
 * #toHtml()}). Every uuid is name-based (version 5) from the report's content, so the same
 * assessment always gives byte-identical output. Immutable and thread-safe.
 */
public final class ComplianceReport {
  /** The default {@code import-ap} href: we assess against the catalog, not a separate plan. */
  public static final String DEFAULT_PLAN_HREF = "urn:tdeveloper:compliance:assessment-plan";

  private static final JsonMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private final ControlAssessment assessment;
  private final String title;
  private final String planHref;
  private final UUID uuid;

  private ComplianceReport(ControlAssessment assessment, String title, String planHref) {
    this.assessment = assessment;
    this.title = title;
    this.planHref = planHref;
    this.uuid = NameUuids.v5(NameUuids.NAMESPACE, fingerprint(assessment, title, planHref));
  }

  /** Returns a report titled after the framework, importing {@link #DEFAULT_PLAN_HREF}. */
  public static ComplianceReport of(ControlAssessment assessment) {
    Objects.requireNonNull(assessment, "assessment");
    return of(assessment, assessment.framework().title() + " compliance report", DEFAULT_PLAN_HREF);
  }

  /**
   * Returns a report.
   *
   * @param assessment the evaluated controls
   * @param title the report title
   * @param assessmentPlanHref the URI of the OSCAL assessment plan the results answer to
   * @throws IllegalArgumentException if the title or href is blank
   */
  public static ComplianceReport of(
      ControlAssessment assessment, String title, String assessmentPlanHref) {
    Objects.requireNonNull(assessment, "assessment");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(assessmentPlanHref, "assessmentPlanHref");
    if (title.isBlank() || assessmentPlanHref.isBlank()) {
      throw new IllegalArgumentException("report title and assessment plan href must not be blank");
    }
    return new ComplianceReport(assessment, title.strip(), assessmentPlanHref.strip());
  }

  /** Returns the assessment reported. */
  public ControlAssessment assessment() {
    return assessment;
  }

  /** Returns the report's uuid, derived from its content. */
  public UUID uuid() {
    return uuid;
  }

  /** Returns the OSCAL assessment-results document as a new, mutable Jackson tree. */
  public ObjectNode toOscal() {
    return OscalWriter.write(assessment, uuid, title, planHref);
  }

  /** Returns the OSCAL assessment-results document as indented JSON. */
  public String toOscalJson() {
    try {
      return JSON.writeValueAsString(toOscal());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a Jackson tree as JSON", e);
    }
  }

  /** Returns the report as a self-contained HTML page. */
  public String toHtml() {
    return HtmlWriter.write(assessment, title, uuid.toString());
  }

  private static String fingerprint(ControlAssessment a, String title, String href) {
    StringBuilder s = new StringBuilder("assessment-results|");
    s.append(a.framework()).append('|').append(a.period()).append('|').append(a.assessedAt());
    s.append('|').append(a.catalog()).append('|').append(title).append('|').append(href);
    for (ControlResult r : a.results()) {
      s.append('|').append(r.control().id()).append('=').append(r.status());
    }
    for (EvidenceItem item : a.evidence()) {
      s.append('|').append(item.hash());
    }
    return s.toString();
  }
}
