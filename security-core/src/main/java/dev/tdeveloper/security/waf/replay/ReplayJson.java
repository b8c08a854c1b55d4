package dev.tdeveloper.security.waf.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tdeveloper.security.waf.Interruption;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The output lines of {@link WafReplay}, written with Jackson; non-ASCII characters are escaped so
 * a line is plain ASCII whatever the console's encoding.
 */
final class ReplayJson {
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

  private ReplayJson() {}

  /** The output line of a replayed request. */
  static String result(ReplayResult r) {
    ObjectNode node = JSON.createObjectNode();
    node.put("line", r.line());
    node.put("id", r.id().orElse(null));
    ArrayNode matched = node.putArray("matched");
    r.matched().forEach(matched::add);
    node.put("inboundScore", r.inboundScore());
    node.put("decision", r.decision().label());
    putInterruption(node, r.interruption());
    if (r.detected().isPresent()) {
      ObjectNode detected = node.putObject("detected");
      detected.put("decision", ReplayResult.Decision.of(r.detected()).label());
      putInterruption(detected, r.detected());
    } else {
      node.putNull("detected");
    }
    ArrayNode errors = node.putArray("errors");
    r.errors().forEach(errors::add);
    return write(node);
  }

  /** The output line of a malformed input line. */
  static String error(ReplayFormatException e) {
    ObjectNode node = JSON.createObjectNode();
    node.put("line", e.line());
    node.put("field", e.field());
    node.put("error", e.problem());
    return write(node);
  }

  /** The output line of a request the engine failed on (a fault, never expected). */
  static String failure(int line, RuntimeException e) {
    ObjectNode node = JSON.createObjectNode();
    node.put("line", line);
    node.put("field", "engine");
    node.put("error", e.toString());
    return write(node);
  }

  private static void putInterruption(ObjectNode node, Optional<Interruption> interruption) {
    if (interruption.isEmpty()) {
      node.putNull("status");
      node.putNull("interruptingRule");
      return;
    }
    Interruption i = interruption.get();
    node.put("status", i.status());
    node.put("interruptingRule", i.ruleId());
    i.redirectUrl().ifPresent(url -> node.put("redirectUrl", url));
  }

  private static String write(ObjectNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
