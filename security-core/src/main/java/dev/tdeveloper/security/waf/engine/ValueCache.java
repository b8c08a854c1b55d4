package dev.tdeveloper.security.waf.engine;

import dev.tdeveloper.security.waf.regex.LiteralIndex;
import java.util.HashMap;
import java.util.Map;

/**
 * A transaction's cache of what rules work out from a raw value: its transformations, one per chain
 * prefix (a node of the {@link CompiledTransforms} trie), and the rule set's literals that the raw
 * value and each transformed value contain. One row per distinct raw value, shared by every rule
 * that transforms it.
 *
 * <p>Literals are kept per node rather than looked up by the transformed value, so a transformed
 * value is never hashed; a transformation that returned its input unchanged (the same instance)
 * shares the literals of its input, which are then scanned once for the whole chain. Values longer
 * than {@value #MAX_CACHED_VALUE} chars are never cached. Confined to one transaction.
 */
final class ValueCache {
  static final int MAX_CACHED_VALUE = 1 << 20;

  private final Map<String, Row> rows = new HashMap<>(64);
  private final int nodes;
  private final LiteralIndex index;

  /** The cached work of one raw value. */
  static final class Row {
    final String raw;
    int[] rawLiterals;
    // By node: the value after the node's chain prefix (null: not yet known). Made on the first
    // transformation: many values are only read as they are.
    private String[] values;
    // The literals of the few nodes whose transformation changed the value, in the order scanned.
    private int[] scannedNodes;
    private int[][] scanned;
    private int scans;

    Row(String raw) {
      this.raw = raw;
    }

    /** The value after the chain prefix of a node; null when not computed. */
    String value(int node) {
      return values == null ? null : values[node];
    }

    /** The literals scanned in a node's changed value; null when not scanned. */
    int[] scanned(int node) {
      for (int i = 0; i < scans; i++) {
        if (scannedNodes[i] == node) {
          return scanned[i];
        }
      }
      return null;
    }

    void scanned(int node, int[] found) {
      if (scannedNodes == null) {
        scannedNodes = new int[4];
        scanned = new int[4][];
      } else if (scans == scannedNodes.length) {
        scannedNodes = java.util.Arrays.copyOf(scannedNodes, scans * 2);
        scanned = java.util.Arrays.copyOf(scanned, scans * 2);
      }
      scannedNodes[scans] = node;
      scanned[scans++] = found;
    }
  }

  ValueCache(int nodes, LiteralIndex index) {
    this.nodes = nodes;
    this.index = index;
  }

  /**
   * The row of a raw value, made on first use.
   *
   * @return the row; null for a value too long to cache
   */
  Row row(String raw) {
    if (raw.length() > MAX_CACHED_VALUE) {
      return null;
    }
    Row row = rows.get(raw);
    if (row == null) {
      row = new Row(raw);
      rows.put(raw, row);
    }
    return row;
  }

  /** A cached transformation result, without making a row; null when not computed. */
  String cached(int node, String raw) {
    Row row = rows.get(raw);
    return row == null ? null : row.value(node);
  }

  /**
   * The first {@code n} transformations of a chain applied to a raw value, through its row.
   *
   * @param row the raw value's row; null when not cached
   * @param raw the raw value
   */
  String transform(Row row, CompiledTransforms.Chain chain, String raw, int n) {
    if (n == 0) {
      return raw;
    }
    int[] nodes = chain.nodes();
    String cur = raw;
    int start = -1;
    if (row != null) {
      String hit = row.value(nodes[n - 1]);
      if (hit != null) {
        return hit;
      }
      for (start = n - 2; start >= 0; start--) {
        String c = row.value(nodes[start]);
        if (c != null) {
          cur = c;
          break;
        }
      }
    }
    if (row != null && row.values == null) {
      row.values = new String[this.nodes];
    }
    for (int i = start + 1; i < n; i++) {
      cur = chain.functions()[i].apply(cur);
      if (row != null) {
        row.values[nodes[i]] = cur;
      }
    }
    return cur;
  }

  /**
   * The rule set's literals in a raw value after the first {@code n} transformations of a chain:
   * exactly {@code index.scan(value)}, scanned at most once per row and node.
   *
   * @param row the raw value's row; null when not cached
   * @param value the transformed value, as {@link #transform} gave it
   */
  int[] literals(Row row, CompiledTransforms.Chain chain, int n, String value) {
    if (row == null) {
      return index.scan(value);
    }
    if (n == 0 || value == row.raw) {
      int[] found = row.rawLiterals;
      if (found == null) {
        found = index.scan(row.raw);
        row.rawLiterals = found;
      }
      return found;
    }
    String before = n == 1 ? row.raw : row.value(chain.nodes()[n - 2]);
    if (value == before) {
      return literals(row, chain, n - 1, before);
    }
    int node = chain.nodes()[n - 1];
    if (row.value(node) != value) {
      return index.scan(value);
    }
    int[] found = row.scanned(node);
    if (found == null) {
      found = index.scan(value);
      row.scanned(node, found);
    }
    return found;
  }
}
