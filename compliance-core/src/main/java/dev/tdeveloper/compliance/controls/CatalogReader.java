package dev.tdeveloper.compliance.controls;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.tdeveloper.tenancy.internal.Texts;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads a catalog file and checks every entry, collecting all problems before failing, so a user
 * fixes their file in one pass. Mappings are made symmetric here.
 */
final class CatalogReader {
  static final int MAX_CONTROLS = 10_000;
  private static final Set<String> ROOT_FIELDS = Set.of("name", "version", "notes", "controls");
  private static final Set<String> ENTRY_FIELDS =
      Set.of("framework", "id", "category", "title", "mappings");
  private static final JsonMapper JSON =
      JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private final String source;
  private final List<String> problems = new ArrayList<>();

  private CatalogReader(String source) {
    this.source = source;
  }

  static ControlCatalog read(InputStream in, String source) {
    return new CatalogReader(source).read(in);
  }

  private ControlCatalog read(InputStream in) {
    JsonNode root;
    try {
      root = JSON.readTree(in);
    } catch (JsonProcessingException e) {
      throw new InvalidCatalogException(
          source,
          List.of(
              "not valid JSON: "
                  + e.getOriginalMessage()
                  + " at line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read control catalog " + source, e);
    }
    if (root == null || !root.isObject()) {
      throw new InvalidCatalogException(source, List.of("the root must be a JSON object"));
    }
    unknownFields(root, ROOT_FIELDS, "root");
    String name = string(root, "name", "root", 256);
    String version = string(root, "version", "root", 64);
    JsonNode controls = root.get("controls");
    if (controls == null || !controls.isArray()) {
      problems.add("root: field 'controls' must be an array of controls");
      throw new InvalidCatalogException(source, problems);
    }
    if (controls.size() > MAX_CONTROLS) {
      problems.add(
          "root: field 'controls' has " + controls.size() + " entries; at most " + MAX_CONTROLS);
      throw new InvalidCatalogException(source, problems);
    }
    Map<String, Entry> entries = new LinkedHashMap<>();
    for (int i = 0; i < controls.size(); i++) {
      Entry e = entry(controls.get(i), i);
      if (e == null) {
        continue;
      }
      Entry earlier = entries.putIfAbsent(e.id, e);
      if (earlier != null) {
        problems.add(e.where + ": field 'id' duplicates controls[" + earlier.index + "]");
      }
    }
    Map<String, TreeSet<String>> mapped = new TreeMap<>();
    for (Entry e : entries.values()) {
      mapped.computeIfAbsent(e.id, k -> new TreeSet<>());
      for (String target : e.mappings) {
        Entry other = entries.get(target);
        if (other == null) {
          problems.add(
              e.where + ": field 'mappings' names unknown control id " + Texts.quote(target));
        } else if (other.framework == e.framework) {
          problems.add(
              e.where
                  + ": field 'mappings' names "
                  + Texts.quote(target)
                  + " of the same framework; map only to other frameworks");
        } else {
          mapped.computeIfAbsent(e.id, k -> new TreeSet<>()).add(target);
          mapped.computeIfAbsent(target, k -> new TreeSet<>()).add(e.id);
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidCatalogException(source, problems);
    }
    List<Control> list = new ArrayList<>(entries.size());
    for (Entry e : entries.values()) {
      list.add(new Control(e.id, e.framework, e.title, e.category, mapped.get(e.id)));
    }
    return new ControlCatalog(name, version, list);
  }

  /** Returns the entry, or null after recording why it cannot be used. */
  private Entry entry(JsonNode node, int index) {
    String where = "controls[" + index + "]";
    if (!node.isObject()) {
      problems.add(where + ": must be a JSON object");
      return null;
    }
    JsonNode idNode = node.get("id");
    if (idNode != null && idNode.isTextual()) {
      where += " (id " + Texts.quote(idNode.asText()) + ")";
    }
    int before = problems.size();
    unknownFields(node, ENTRY_FIELDS, where);
    String fw = string(node, "framework", where, 16);
    Framework framework = null;
    if (fw != null) {
      try {
        framework = Framework.valueOf(fw);
      } catch (IllegalArgumentException e) {
        problems.add(
            where
                + ": field 'framework' is "
                + Texts.quote(fw)
                + "; allowed: "
                + List.of(Framework.values()));
      }
    }
    String id = string(node, "id", where, 64);
    if (id != null && framework != null && !framework.accepts(id)) {
      problems.add(
          where
              + ": field 'id' does not match the "
              + framework
              + " pattern "
              + framework.idPattern());
    }
    String category = string(node, "category", where, 256);
    String title = string(node, "title", where, 2048);
    List<String> mappings = new ArrayList<>();
    JsonNode m = node.get("mappings");
    if (m != null) {
      if (!m.isArray()) {
        problems.add(where + ": field 'mappings' must be an array of control ids");
      } else {
        for (int j = 0; j < m.size(); j++) {
          JsonNode t = m.get(j);
          if (!t.isTextual()) {
            problems.add(where + ": field 'mappings[" + j + "]' must be a control id string");
          } else if (mappings.contains(t.asText())) {
            problems.add(where + ": field 'mappings' lists " + Texts.quote(t.asText()) + " twice");
          } else {
            mappings.add(t.asText());
          }
        }
      }
    }
    return problems.size() > before
        ? null
        : new Entry(index, where, framework, id, category, title, mappings);
  }

  private String string(JsonNode node, String field, String where, int max) {
    JsonNode v = node.get(field);
    if (v == null || !v.isTextual() || v.asText().isBlank()) {
      problems.add(where + ": field '" + field + "' is required and must be a non-blank string");
      return null;
    }
    String s = v.asText();
    if (s.length() > max || s.chars().anyMatch(Character::isISOControl)) {
      problems.add(
          where
              + ": field '"
              + field
              + "' must have at most "
              + max
              + " characters and no control characters");
      return null;
    }
    return s;
  }

  private void unknownFields(JsonNode node, Set<String> allowed, String where) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!allowed.contains(f)) {
        problems.add(
            where + ": unknown field " + Texts.quote(f) + "; allowed: " + new TreeSet<>(allowed));
      }
    }
  }

  private record Entry(
      int index,
      String where,
      Framework framework,
      String id,
      String category,
      String title,
      List<String> mappings) {}
}
