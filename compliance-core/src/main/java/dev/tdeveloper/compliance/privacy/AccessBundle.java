package dev.tdeveloper.compliance.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tdeveloper.compliance.ComplianceException;
import dev.tdeveloper.compliance.spi.PersonalDataRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Writes the JSON document an ACCESS or PORTABILITY request returns. Both carry {@code format},
 * {@code requestId}, {@code type}, {@code generatedAt}, the {@code subject} (tenant, identifiers)
 * and the {@code connectors} that could not answer. ACCESS lists, per connector, its categories and
 * records; PORTABILITY groups every record by category across connectors ({@code data: {category:
 * [fields...]}}), the shape another system imports. Stateless and thread-safe.
 */
final class AccessBundle {
  static final String ACCESS_FORMAT = "tdeveloper.privacy.access/v1";
  static final String PORTABILITY_FORMAT = "tdeveloper.privacy.portability/v1";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** What one connector returned: its categories and records, or why it failed. */
  record Part(
      String connector,
      List<String> categories,
      List<PersonalDataRecord> records,
      String failure) {}

  private AccessBundle() {}

  static String write(PrivacyRequest request, Instant generatedAt, List<Part> parts) {
    boolean portable = request.type() == PrivacyRequestType.PORTABILITY;
    ObjectNode root = JSON.createObjectNode();
    root.put("format", portable ? PORTABILITY_FORMAT : ACCESS_FORMAT);
    root.put("requestId", request.id());
    root.put("type", request.type().name());
    root.put("generatedAt", generatedAt.toString());
    ObjectNode subject = root.putObject("subject");
    subject.put("tenant", request.subject().tenant().value());
    ObjectNode identifiers = subject.putObject("identifiers");
    request.subject().identifiers().forEach(identifiers::put);
    if (portable) {
      ObjectNode data = root.putObject("data");
      for (Part part : parts) {
        for (PersonalDataRecord r : part.records()) {
          ArrayNode list =
              data.has(r.category())
                  ? (ArrayNode) data.get(r.category())
                  : data.putArray(r.category());
          fields(list.addObject(), r.fields());
        }
      }
    } else {
      ArrayNode connectors = root.putArray("connectors");
      for (Part part : parts) {
        if (part.failure().isEmpty()) {
          ObjectNode c = connectors.addObject();
          c.put("name", part.connector());
          part.categories().forEach(c.putArray("categories")::add);
          ArrayNode records = c.putArray("records");
          for (PersonalDataRecord r : part.records()) {
            ObjectNode record = records.addObject();
            record.put("category", r.category());
            fields(record.putObject("fields"), r.fields());
          }
        }
      }
    }
    ArrayNode unanswered = root.putArray("unansweredConnectors");
    parts.stream().filter(p -> !p.failure().isEmpty()).forEach(p -> unanswered.add(p.connector()));
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new ComplianceException("cannot write the bundle of request " + request.id(), e);
    }
  }

  private static void fields(ObjectNode target, Map<String, String> fields) {
    fields.forEach(target::put);
  }
}
