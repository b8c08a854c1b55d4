package dev.tdeveloper.compliance.controls;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The controls of SOC 2, ISO/IEC 27001:2022 and the HIPAA Security Rule, with the mappings between
 * them. {@link #defaults()} is the bundled catalog: the 61 Trust Services Criteria (2017, revised
 * points of focus 2022), the 93 Annex A controls and the HIPAA Security Rule standards and
 * implementation specifications, with our own mapping of each criterion to Annex A controls and
 * HIPAA safeguards (not an official AICPA mapping). A user catalog in the same JSON shape can be
 * loaded with {@link #fromJson(Path)}. Immutable and thread-safe.
 */
public final class ControlCatalog {
  private static final String DEFAULT_RESOURCE = "catalog.json";

  private final String name;
  private final String version;
  private final Map<String, Control> byId;
  private final Map<Framework, List<Control>> byFramework;

  ControlCatalog(String name, String version, List<Control> controls) {
    this.name = name;
    this.version = version;
    Map<String, Control> ids = new LinkedHashMap<>();
    Map<Framework, List<Control>> frameworks = new EnumMap<>(Framework.class);
    for (Framework f : Framework.values()) {
      frameworks.put(f, new ArrayList<>());
    }
    for (Control c : controls) {
      ids.put(c.id(), c);
      frameworks.get(c.framework()).add(c);
    }
    frameworks.replaceAll((f, list) -> List.copyOf(list));
    this.byId = Collections.unmodifiableMap(ids);
    this.byFramework = Collections.unmodifiableMap(frameworks);
  }

  /** Returns the bundled catalog; loaded once. */
  public static ControlCatalog defaults() {
    return Defaults.CATALOG;
  }

  /**
   * Loads a user catalog from a JSON file shaped like the bundled one: {@code {"name", "version",
   * "controls": [{"framework", "id", "category", "title", "mappings": [...]}]}}.
   *
   * @throws InvalidCatalogException naming every entry and field at fault: an id that does not
   *     match its framework's pattern, a duplicate id, a mapping to an unknown id or to the same
   *     framework, a missing or unknown field
   * @throws UncheckedIOException if the file cannot be read
   */
  public static ControlCatalog fromJson(Path file) {
    Objects.requireNonNull(file, "file");
    try (InputStream in = Files.newInputStream(file)) {
      return CatalogReader.read(in, file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read control catalog " + file, e);
    }
  }

  /**
   * Loads a user catalog from a stream, which this method does not close.
   *
   * @param in the JSON
   * @param sourceName what to call the source in error messages
   * @throws InvalidCatalogException as {@link #fromJson(Path)}
   */
  public static ControlCatalog fromJson(InputStream in, String sourceName) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(sourceName, "sourceName");
    return CatalogReader.read(in, sourceName);
  }

  /** Returns the catalog's name. */
  public String name() {
    return name;
  }

  /** Returns the catalog's version, so a report says which mapping it used. */
  public String version() {
    return version;
  }

  /** Returns every control, in catalog order. */
  public List<Control> controls() {
    return List.copyOf(byId.values());
  }

  /** Returns the controls of {@code framework}, in catalog order. */
  public List<Control> controls(Framework framework) {
    return byFramework.get(Objects.requireNonNull(framework, "framework"));
  }

  /** Returns the control with {@code id}, if the catalog has it. */
  public Optional<Control> find(String id) {
    return Optional.ofNullable(byId.get(Objects.requireNonNull(id, "id")));
  }

  /** Returns whether the catalog has a control with {@code id}. */
  public boolean contains(String id) {
    return byId.containsKey(Objects.requireNonNull(id, "id"));
  }

  /**
   * Returns the control with {@code id}.
   *
   * @throws IllegalArgumentException if the catalog has no such control
   */
  public Control get(String id) {
    Control c = byId.get(Objects.requireNonNull(id, "id"));
    if (c == null) {
      throw new IllegalArgumentException(
          "unknown control id '" + id + "' (catalog " + name + " " + version + ")");
    }
    return c;
  }

  /**
   * Returns the controls of {@code target} that {@code id} maps to, in catalog order.
   *
   * @throws IllegalArgumentException if the catalog has no control {@code id}
   */
  public List<Control> mappedControls(String id, Framework target) {
    Objects.requireNonNull(target, "target");
    List<Control> out = new ArrayList<>();
    for (String m : get(id).mappedIds()) {
      Control c = byId.get(m);
      if (c.framework() == target) {
        out.add(c);
      }
    }
    return List.copyOf(out);
  }

  @Override
  public String toString() {
    return "ControlCatalog[" + name + " " + version + ", " + byId.size() + " controls]";
  }

  private static final class Defaults {
    static final ControlCatalog CATALOG = load();

    private static ControlCatalog load() {
      try (InputStream in = ControlCatalog.class.getResourceAsStream(DEFAULT_RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException(
              "the bundled control catalog " + DEFAULT_RESOURCE + " is missing from the jar");
        }
        return CatalogReader.read(in, "bundled " + DEFAULT_RESOURCE);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the bundled control catalog", e);
      }
    }
  }
}
