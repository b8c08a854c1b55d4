package dev.tdeveloper.distribution.region;

import dev.tdeveloper.tenancy.config.Node;
import dev.tdeveloper.tenancy.config.SettingsLayer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * What the section binders of one {@code regions.yaml} share: the {@link YamlReader} collecting
 * problems, the regions declared so far, and the checks of region references and jurisdictions that
 * several sections make. Not thread-safe: one per load.
 */
final class BindingContext {
  /** An ISO 3166-1 alpha-2 country code in uppercase. */
  static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

  /** A routing or residency policy name. */
  static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");

  final YamlReader r = new YamlReader();
  final Map<RegionId, Region> regions = new LinkedHashMap<>();
  final Map<RegionId, SettingsLayer> settings = new LinkedHashMap<>();

  /**
   * False once a region failed to bind (or none is declared): a reference to an undeclared region
   * then goes unreported, since it may name the region that failed.
   */
  boolean regionsComplete = true;

  /** Resolves a region named at {@code node}; records a problem when the catalog lacks it. */
  Optional<RegionId> region(Node node) {
    return r.text(node, "a region id")
        .flatMap(text -> knownRegion(text, p -> r.problem(node, p, known())));
  }

  /** Resolves a region named by the key {@code key} of {@code map}, as {@link #region(Node)}. */
  Optional<RegionId> regionKey(Node.MapNode map, String key) {
    return knownRegion(key, p -> r.problemAtKey(map, key, p, known()));
  }

  private Optional<RegionId> knownRegion(String text, Consumer<String> problem) {
    RegionId id;
    try {
      id = RegionId.of(text);
    } catch (IllegalArgumentException e) {
      problem.accept("invalid region id");
      return Optional.empty();
    }
    if (!regions.containsKey(id)) {
      if (regionsComplete) {
        List<String> names = regions.keySet().stream().map(RegionId::value).toList();
        problem.accept("unknown region" + YamlReader.didYouMean(text, names));
      }
      return Optional.empty();
    }
    return Optional.of(id);
  }

  /** What a region reference may name, for problems. */
  String known() {
    return "one of the regions declared under regions: " + regions.keySet();
  }

  /** Reads a jurisdiction code; records a problem when it is not one. */
  Optional<Jurisdiction> jurisdiction(Node node) {
    String allowed = "2-8 uppercase letters or digits starting with a letter, such as EU, US or DE";
    return r.text(node, allowed).flatMap(t -> r.attempt(node, () -> Jurisdiction.of(t)));
  }

  /** Reads jurisdiction codes, recording a problem for each that is not one. */
  Set<Jurisdiction> jurisdictions(List<Node> items) {
    Set<Jurisdiction> set = new TreeSet<>();
    items.forEach(i -> jurisdiction(i).ifPresent(set::add));
    return set;
  }

  /** The continent an uppercase code such as {@code EU} names; empty for any other text. */
  static Optional<Continent> continent(String code) {
    return code.equals(code.toUpperCase(Locale.ROOT)) ? Continent.fromCode(code) : Optional.empty();
  }
}
