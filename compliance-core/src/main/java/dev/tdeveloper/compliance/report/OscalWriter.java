package dev.tdeveloper.compliance.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tdeveloper.compliance.controls.Control;
import dev.tdeveloper.compliance.controls.ControlAssessment;
import dev.tdeveloper.compliance.controls.ControlResult;
import dev.tdeveloper.compliance.controls.ControlStatus;
import dev.tdeveloper.compliance.spi.EvidenceItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Writes an assessment as an OSCAL 1.1 assessment-results document: one result for the period, an
 * observation per evidence item (with our evidence hash as a prop) and a finding per assessed
 * control, targeting the control as an objective with state satisfied or not-satisfied.
 */
final class OscalWriter {
  static final String OSCAL_VERSION = "1.1.2";
  static final String NS = "https://tdeveloper.dev/ns/oscal/compliance";
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private OscalWriter() {}

  static ObjectNode write(ControlAssessment a, UUID root, String title, String planHref) {
    ObjectNode results = F.objectNode();
    results.put("uuid", root.toString());
    ObjectNode metadata = results.putObject("metadata");
    metadata.put("title", title);
    metadata.put("last-modified", a.assessedAt().toString());
    metadata.put("version", a.catalog());
    metadata.put("oscal-version", OSCAL_VERSION);
    prop(metadata.putArray("props"), "framework", a.framework().name());
    results.putObject("import-ap").put("href", planHref);

    ObjectNode result = results.putArray("results").addObject();
    result.put("uuid", NameUuids.v5(root, "result").toString());
    result.put("title", a.framework().title() + " controls, " + a.period());
    result.put(
        "description",
        "Automated evaluation of the "
            + a.framework().title()
            + " controls in catalog "
            + a.catalog()
            + " from evidence collected for the period.");
    result.put("start", a.period().start().toString());
    result.put("end", a.period().end().toString());

    ArrayNode components = result.putObject("local-definitions").putArray("components");
    for (String source : new TreeSet<>(a.evidence().stream().map(EvidenceItem::source).toList())) {
      ObjectNode c = components.addObject();
      c.put("uuid", component(root, source).toString());
      c.put("type", "service");
      c.put("title", source);
      c.put("description", "The system the evidence was collected from: " + source + ".");
      c.putObject("status").put("state", "operational");
    }

    ArrayNode include =
        result
            .putObject("reviewed-controls")
            .putArray("control-selections")
            .addObject()
            .putArray("include-controls");
    List<String> notAssessed = new ArrayList<>();
    for (ControlResult r : a.results()) {
      include.addObject().put("control-id", token(r.control()));
      if (r.status() == ControlStatus.NOT_ASSESSED) {
        notAssessed.add(r.control().id());
      }
    }

    ArrayNode observations = result.putArray("observations");
    for (EvidenceItem item : a.evidence()) {
      observations.add(observation(root, item));
    }
    ArrayNode findings = result.putArray("findings");
    for (ControlResult r : a.results()) {
      if (r.status() != ControlStatus.NOT_ASSESSED) {
        findings.add(finding(root, r));
      }
    }
    if (!notAssessed.isEmpty()) {
      result.put(
          "remarks",
          "Not assessed (no evidence collector covers them): " + String.join(", ", notAssessed));
    }
    ObjectNode document = F.objectNode();
    document.set("assessment-results", results);
    return document;
  }

  private static ObjectNode observation(UUID root, EvidenceItem item) {
    ObjectNode o = F.objectNode();
    o.put("uuid", observationUuid(root, item).toString());
    o.put("title", "Evidence " + item.collectorId());
    o.put("description", item.result().summary());
    ArrayNode props = o.putArray("props");
    prop(props, "evidence-sha256", item.hash());
    prop(props, "evidence-result", item.result().status().name());
    prop(props, "evidence-collector", item.collectorId());
    prop(props, "evidence-owner", item.owner());
    prop(props, "population-size", Long.toString(item.population().size()));
    prop(props, "population", item.population().description());
    prop(props, "period-start", item.period().start().toString());
    prop(props, "period-end", item.period().end().toString());
    o.putArray("methods").add("TEST");
    ObjectNode subject = o.putArray("subjects").addObject();
    subject.put("subject-uuid", component(root, item.source()).toString());
    subject.put("type", "component");
    subject.put("title", item.source());
    StringBuilder evidence = new StringBuilder("Query: ").append(item.query());
    for (Map.Entry<String, String> f : item.result().facts().entrySet()) {
      evidence.append("\n- ").append(f.getKey()).append(": ").append(f.getValue());
    }
    o.putArray("relevant-evidence").addObject().put("description", evidence.toString());
    o.put("collected", item.collectedAt().toString());
    return o;
  }

  private static ObjectNode finding(UUID root, ControlResult r) {
    Control c = r.control();
    ObjectNode f = F.objectNode();
    f.put("uuid", NameUuids.v5(root, "finding|" + c.id()).toString());
    f.put("title", c.id() + " " + c.category());
    f.put("description", c.title());
    prop(f.putArray("props"), "control-status", r.status().name());
    ObjectNode target = f.putObject("target");
    target.put("type", "objective-id");
    target.put("target-id", token(c));
    target.put("title", c.id());
    ObjectNode status = target.putObject("status");
    status.put("state", r.status() == ControlStatus.SATISFIED ? "satisfied" : "not-satisfied");
    status.put(
        "reason",
        switch (r.status()) {
          case SATISFIED -> "pass";
          case NOT_SATISFIED -> "fail";
          default -> "other";
        });
    if (r.status() == ControlStatus.ERROR) {
      status.put("remarks", "Evidence could not be collected; the control is not shown as met.");
    }
    ArrayNode related = f.putArray("related-observations");
    for (EvidenceItem item : r.evidence()) {
      related.addObject().put("observation-uuid", observationUuid(root, item).toString());
    }
    return f;
  }

  /** Returns the control id as an OSCAL token: HIPAA ids lose their parentheses. */
  static String token(Control c) {
    String id = c.id();
    if (Character.isLetter(id.charAt(0))) {
      return id;
    }
    return "hipaa-" + id.replace(")(", "-").replace("(", "-").replace(")", "");
  }

  static UUID observationUuid(UUID root, EvidenceItem item) {
    return NameUuids.v5(root, "observation|" + item.collectorId() + "|" + item.hash());
  }

  private static UUID component(UUID root, String source) {
    return NameUuids.v5(root, "component|" + source);
  }

  private static void prop(ArrayNode props, String name, String value) {
    ObjectNode p = props.addObject();
    p.put("name", name);
    p.put("ns", NS);
    p.put("value", value);
  }
}
