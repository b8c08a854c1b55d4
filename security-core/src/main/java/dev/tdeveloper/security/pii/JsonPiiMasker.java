package dev.tdeveloper.security.pii;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.tdeveloper.security.pii.internal.PathPattern;
import dev.tdeveloper.tenancy.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Masks PII in Jackson trees, returning a new tree and never changing the input. Two kinds of rules
 * apply:
 *
 * <ul>
 *   <li><b>By field name</b>: the first field rule whose path pattern matches a field (case-
 *       insensitive; {@code password}, {@code user.email}, {@code *.ssn}, {@code
 *       customers.**.iban}) masks the whole value with the rule's strategy; an object or array
 *       value has every scalar beneath it masked. Masked numbers and booleans become strings.
 *   <li><b>By content</b> (on by default): every other string, and every number, goes through
 *       {@link PiiMasker#mask}, so PII in free text is masked where it is found.
 * </ul>
 *
 * <p>Array elements take the path of their array (indexes add no segment). Immutable and
 * thread-safe.
 */
public final class JsonPiiMasker {
  /** The default deepest nesting masked: {@value}. */
  public static final int DEFAULT_MAX_DEPTH = 256;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final PiiMasker masker;
  private final List<Map.Entry<PathPattern, MaskingStrategy>> rules;
  private final boolean contentDetection;
  private final int maxDepth;

  JsonPiiMasker(
      PiiMasker masker,
      List<Map.Entry<PathPattern, MaskingStrategy>> rules,
      boolean contentDetection,
      int maxDepth) {
    this.masker = masker;
    this.rules = List.copyOf(rules);
    this.contentDetection = contentDetection;
    this.maxDepth = maxDepth;
  }

  /** Returns a builder of a JSON masker over {@code masker}. */
  public static JsonPiiMaskerBuilder builder(PiiMasker masker) {
    return new JsonPiiMaskerBuilder(masker);
  }

  /**
   * Returns a masked copy of {@code tree}.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the tree nests deeper than {@code maxDepth}
   * @throws PiiLimitExceededException if a string exceeds the detector's limits
   */
  public JsonNode mask(TenantId tenant, JsonNode tree) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(tree, "tree");
    return walk(tenant, tree, new ArrayList<>(), null, 0);
  }

  private JsonNode walk(
      TenantId tenant, JsonNode node, List<String> path, MaskingStrategy rule, int depth) {
    if (depth > maxDepth) {
      throw new IllegalArgumentException("JSON nests deeper than maxDepth=" + maxDepth);
    }
    if (node.isObject()) {
      ObjectNode copy = NODES.objectNode();
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        path.add(field.getKey().toLowerCase(Locale.ROOT));
        MaskingStrategy applied = rule != null ? rule : ruleFor(path);
        copy.set(field.getKey(), walk(tenant, field.getValue(), path, applied, depth + 1));
        path.remove(path.size() - 1);
      }
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = NODES.arrayNode(node.size());
      for (JsonNode element : node) {
        copy.add(walk(tenant, element, path, rule, depth + 1));
      }
      return copy;
    }
    if (node.isNull() || node.isMissingNode()) {
      return node;
    }
    if (rule != null) {
      return TextNode.valueOf(masker.maskField(tenant, node.asText(), rule));
    }
    if (contentDetection && (node.isTextual() || node.isNumber())) {
      String text = node.asText();
      String masked = masker.mask(tenant, text);
      return masked.equals(text) ? node.deepCopy() : TextNode.valueOf(masked);
    }
    return node.deepCopy();
  }

  private MaskingStrategy ruleFor(List<String> path) {
    for (Map.Entry<PathPattern, MaskingStrategy> rule : rules) {
      if (rule.getKey().matches(path)) {
        return rule.getValue();
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return "JsonPiiMasker[rules=" + rules + ", contentDetection=" + contentDetection + "]";
  }
}
