package dev.tdeveloper.security.waf.engine;

import java.util.List;

/**
 * What the rules of a transaction read from request variables, worked out once and shared by every
 * rule that reads the same thing. A <em>selection</em> is a variable with its key or key regex and
 * the rule's exclusions of that variable ({@code ARGS|!ARGS:pw}); many rules name the same one, so
 * {@link TargetViewIds} numbers the distinct ones at load time and this class keeps, per number,
 * the targets selected from the variable's current targets. A <em>view</em> is a selection seen
 * through one transformation chain: the transformed value of each selected target and the rule
 * set's literals it contains, filled as rules ask for them. The {@link ValueCache} row of each
 * selected target is kept by selection and position, so the views of a selection (one per chain)
 * look a value's row up in the cache's table once between them, not once each.
 *
 * <p>Only variables whose targets the {@link EvaluatorStore} derives from the request data are kept
 * ({@link EvaluatorStore#stableTargets}); their target arrays are replaced whenever the data
 * changes, and a selection or view made from an older array is made again.
 *
 * <p>The selections and views a transaction touched are listed, so that {@link #reset} forgets
 * exactly them (and everything of the transaction: no target, value or literal is left for the next
 * one to see) and the arrays serve the next transaction. Confined to one transaction at a time.
 */
final class TargetViews {
  private static final Target[] NONE = new Target[0];
  private static final int[] NO_IDS = new int[0];
  // A selection scratch grown past this (a request with that many targets) is not kept by reset.
  private static final int KEPT_SCRATCH = 1024;
  // A view's or selection's array longer than this (that many targets) is not kept for reuse.
  private static final int KEPT_ARRAY = 64;

  private final Target[][] sources;
  private final long[] versions;
  private final boolean[] unstable;
  private final Target[][] selected;
  private final Target[][] viewOf;
  private final String[][] values;
  private final int[][][] literals;
  // By view: every literal any of its targets' values holds, once all are known (null before).
  private final int[][] unions;
  // By selection: the rows of its selected targets (null: none asked for since it was selected).
  private final ValueCache.Row[][] rows;
  // By selection: every literal its targets' raw values hold (null: not worked out since selected).
  private final int[][] rawUnions;
  // By selection, CharTriggers.WORDS words: its targets' raw chars ORed, valid when its charsState
  // is CHARS_KNOWN: a chain whose triggers miss them keeps every target's value, so that one test
  // per view replaces one per view and target.
  private final long[] rawChars;
  private final byte[] charsState;
  private static final byte CHARS_KNOWN = 1;
  // A target's value is too long to cache: no raw union.
  private static final byte CHARS_RAWLESS = 2;
  // The raw literal sets of a selection's targets while their union is worked out.
  private int[][] rawSets = new int[16][];
  // Where a selection is worked out before it is copied to its exact size.
  private Target[] scratch = new Target[16];
  private final LiteralUnion union = new LiteralUnion();
  // The selections and views a transaction touched since the last reset, each once.
  private final boolean[] selectionTouched;
  private final int[] touchedSelections;
  private int selectionsTouched;
  private final boolean[] viewTouched;
  private final int[] touchedViews;
  private int viewsTouched;

  TargetViews(int selections, int views) {
    this.sources = new Target[selections][];
    this.versions = new long[selections];
    this.unstable = new boolean[selections];
    java.util.Arrays.fill(versions, -1);
    this.selected = new Target[selections][];
    this.viewOf = new Target[views][];
    this.values = new String[views][];
    this.literals = new int[views][][];
    this.unions = new int[views][];
    this.rows = new ValueCache.Row[selections][];
    this.rawUnions = new int[selections][];
    this.rawChars = new long[CharTriggers.WORDS * selections];
    this.charsState = new byte[selections];
    this.selectionTouched = new boolean[selections];
    this.touchedSelections = new int[selections];
    this.viewTouched = new boolean[views];
    this.touchedViews = new int[views];
  }

  /**
   * Forgets every selection and view worked out since the last reset, as a new instance would
   * start, touching only those.
   */
  void reset() {
    for (int k = 0; k < selectionsTouched; k++) {
      int id = touchedSelections[k];
      selectionTouched[id] = false;
      sources[id] = null;
      versions[id] = -1;
      unstable[id] = false;
      forgetRows(id, 0);
      selected[id] = null;
      rawUnions[id] = null;
      charsState[id] = 0;
    }
    selectionsTouched = 0;
    for (int k = 0; k < viewsTouched; k++) {
      int id = touchedViews[k];
      viewTouched[id] = false;
      forget(id, 0);
      viewOf[id] = null;
      unions[id] = null;
    }
    viewsTouched = 0;
    if (scratch.length > KEPT_SCRATCH) {
      scratch = new Target[16];
    }
  }

  private void touchSelection(int id) {
    if (!selectionTouched[id]) {
      selectionTouched[id] = true;
      touchedSelections[selectionsTouched++] = id;
    }
  }

  /**
   * The targets a selection picks from the variable's current targets, read from the store only
   * when its data changed since the last time.
   *
   * @param id the selection's number
   * @param store the transaction's variables
   * @param v the variable, its key or key regex
   * @param exclusions the rule's exclusions (those of other variables are ignored)
   * @return the selected targets; null when the variable is not one the store keeps stable
   */
  Target[] select(
      int id, EvaluatorStore store, CompiledRule.Variable v, List<CtlTargetRemoval> exclusions) {
    if (unstable[id]) {
      return null;
    }
    long version = store.dataVersion();
    if (version >= 0 && versions[id] == version) {
      return selected[id];
    }
    Target[] source = store.stableTargets(v.derivedId(), v.collection());
    if (source == null) {
      touchSelection(id);
      unstable[id] = true;
      return null;
    }
    Target[] out = select(id, source, v, exclusions);
    versions[id] = version;
    return out;
  }

  /**
   * The targets a selection picks from the variable's current targets.
   *
   * @param id the selection's number
   * @param source the variable's current targets
   * @param v the variable, its key or key regex
   * @param exclusions the rule's exclusions (those of other variables are ignored)
   * @return the selected targets, in order; the source itself when nothing is left out
   */
  Target[] select(
      int id, Target[] source, CompiledRule.Variable v, List<CtlTargetRemoval> exclusions) {
    if (sources[id] == source) {
      return selected[id];
    }
    Target[] out = source;
    if (v.key().isPresent() || v.keyPattern().isPresent() || !exclusions.isEmpty()) {
      if (scratch.length < source.length) {
        scratch = new Target[Math.max(source.length, 2 * scratch.length)];
      }
      Target[] kept = scratch;
      int n = 0;
      for (Target t : source) {
        if (Selection.selects(t.key(), v.key(), v.keyPattern())
            && !removed(v.collection(), t, exclusions)) {
          kept[n++] = t;
        }
      }
      out = n == source.length ? source : n == 0 ? NONE : java.util.Arrays.copyOf(kept, n);
      java.util.Arrays.fill(kept, 0, n, null);
    }
    touchSelection(id);
    forgetRows(id, out.length);
    rawUnions[id] = null;
    charsState[id] = 0;
    sources[id] = source;
    selected[id] = out;
    return out;
  }

  /**
   * Empties the rows a selection kept for its targets, keeping the array for {@code next} targets
   * when it is long enough (every entry past the selection's targets is always null).
   */
  private void forgetRows(int id, int next) {
    ValueCache.Row[] made = rows[id];
    if (made != null) {
      if (made.length < next || made.length > KEPT_ARRAY) {
        rows[id] = null;
      } else {
        Target[] old = selected[id];
        java.util.Arrays.fill(made, 0, old == null ? 0 : Math.min(made.length, old.length), null);
      }
    }
  }

  /** As {@link #forgetRows}, for the values and literals a view kept. */
  private void forget(int id, int next) {
    Target[] old = viewOf[id];
    int n = old == null ? 0 : old.length;
    String[] known = values[id];
    if (known != null) {
      if (known.length < next || known.length > KEPT_ARRAY) {
        values[id] = null;
      } else {
        java.util.Arrays.fill(known, 0, Math.min(known.length, n), null);
      }
    }
    int[][] found = literals[id];
    if (found != null) {
      if (found.length < next || found.length > KEPT_ARRAY) {
        literals[id] = null;
      } else {
        java.util.Arrays.fill(found, 0, Math.min(found.length, n), null);
      }
    }
  }

  private static boolean removed(String collection, Target t, List<CtlTargetRemoval> exclusions) {
    for (int i = 0; i < exclusions.size(); i++) {
      if (exclusions.get(i).removes(collection, t)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Prepares a view of selected targets: kept when it was made for this very array, else emptied.
   *
   * @param id the view's number
   * @param targets what its selection picked
   */
  void view(int id, Target[] targets) {
    if (viewOf[id] != targets) {
      if (!viewTouched[id]) {
        viewTouched[id] = true;
        touchedViews[viewsTouched++] = id;
      }
      // Values and literals are kept in arrays made on the first store (many views never keep one
      // or the other) and reused, emptied, for the view's next targets.
      forget(id, targets.length);
      viewOf[id] = targets;
      unions[id] = null;
    }
  }

  /**
   * The literals that any target of a prepared view holds: a literal formula that rejects them
   * rejects every target's own literals, since a formula only ever asks for literals to be held.
   *
   * @param id the view's number
   * @return the literal ids, ascending, without repeats; null until {@link #unite} made them
   */
  int[] union(int id) {
    return unions[id];
  }

  /**
   * Works out {@link #union} once the literals of every target of the view are known.
   *
   * @param id the view's number
   */
  void unite(int id) {
    int n = viewOf[id].length;
    int[][] known = literals[id];
    if (n == 0 || known == null) {
      unions[id] = n == 0 ? NO_IDS : null;
      return;
    }
    for (int i = 0; i < n; i++) {
      if (known[i] == null) {
        unions[id] = null;
        return;
      }
    }
    unions[id] = union.of(known, n);
  }

  /**
   * Works out {@link #union} of a prepared view before any of its values, when its transformations
   * leave every selected target's value as it is ({@link ValueCache.Row#keeps}), or as it is up to
   * ASCII case when the index folds case ({@link ValueCache.Row#keepsUpToCase}): the literals of
   * the raw values then, shared by every such view of the selection.
   *
   * @param selection the view's selection
   * @param view the view's number
   * @param chain the view's transformations
   * @param n the chain's length
   * @param cache the transaction's cache
   * @return the union, now the view's; null when a target's value may change, is too long to cache,
   *     or the view has no target
   */
  int[] rawUnion(int selection, int view, CompiledTransforms.Chain chain, int n, ValueCache cache) {
    Target[] targets = viewOf[view];
    int count = targets.length;
    if (count == 0) {
      return null;
    }
    if (!knowChars(selection, targets, cache)
        || (n > 0
            && !misses(selection, chain.triggers(), n)
            && !(cache.foldsCase() && misses(selection, chain.caseTriggers(), n)))) {
      return null;
    }
    int[] found = rawUnions[selection];
    if (found == null) {
      if (rawSets.length < count) {
        rawSets = new int[Math.max(count, 2 * rawSets.length)][];
      }
      ValueCache.Row[] made = rows[selection];
      for (int i = 0; i < count; i++) {
        rawSets[i] = cache.literals(made[i], chain, 0, made[i].raw);
      }
      found = union.of(rawSets, count);
      java.util.Arrays.fill(rawSets, 0, count, null);
      rawUnions[selection] = found;
    }
    unions[view] = found;
    return found;
  }

  /**
   * Works out once per selection the chars of its targets' raw values ORed, making every target's
   * row on the way; false when a target's value is too long to cache.
   */
  private boolean knowChars(int selection, Target[] targets, ValueCache cache) {
    byte state = charsState[selection];
    if (state != 0) {
      return state == CHARS_KNOWN;
    }
    int base = CharTriggers.WORDS * selection;
    java.util.Arrays.fill(rawChars, base, base + CharTriggers.WORDS, 0);
    for (int i = 0; i < targets.length; i++) {
      ValueCache.Row row = row(selection, i, cache, targets[i].value());
      if (row == null) {
        charsState[selection] = CHARS_RAWLESS;
        return false;
      }
      row.addChars(rawChars, base);
    }
    charsState[selection] = CHARS_KNOWN;
    return true;
  }

  /**
   * Whether a selection's targets' chars miss the triggers of a chain's first {@code n}
   * transformations: each of its values is then kept by those (as {@link ValueCache.Row#keeps}).
   */
  private boolean misses(int selection, long[] triggers, int n) {
    int base = CharTriggers.WORDS * selection;
    int at = CharTriggers.WORDS * (n - 1);
    for (int w = 0; w < CharTriggers.WORDS; w++) {
      if ((rawChars[base + w] & triggers[at + w]) != 0) {
        return false;
      }
    }
    return true;
  }

  /** The ascending union, without repeats, of ascending literal id arrays (none of them null). */
  static int[] union(int[][] sets) {
    return new LiteralUnion().of(sets, sets.length);
  }

  /**
   * The cache row of target {@code i} of what a selection last picked ({@link #select}): {@code
   * cache.row(raw)}, looked up once per selection and position.
   *
   * @param id the selection's number
   * @param raw the target's value
   * @return the row; null for a value too long to cache
   */
  ValueCache.Row row(int id, int i, ValueCache cache, String raw) {
    ValueCache.Row[] made = rows[id];
    if (made == null) {
      made = new ValueCache.Row[selected[id].length];
      rows[id] = made;
    }
    ValueCache.Row row = made[i];
    if (row == null) {
      row = cache.row(raw);
      made[i] = row;
    }
    return row;
  }

  /** The transformed value of target {@code i} of a prepared view; null when not yet known. */
  String value(int id, int i) {
    String[] known = values[id];
    return known == null ? null : known[i];
  }

  void value(int id, int i, String value) {
    String[] known = values[id];
    if (known == null) {
      known = new String[viewOf[id].length];
      values[id] = known;
    }
    known[i] = value;
  }

  /** The literals of target {@code i}'s transformed value; null when not yet known. */
  int[] literals(int id, int i) {
    int[][] known = literals[id];
    return known == null ? null : known[i];
  }

  void literals(int id, int i, int[] found) {
    int[][] known = literals[id];
    if (known == null) {
      known = new int[viewOf[id].length][];
      literals[id] = known;
    }
    known[i] = found;
  }
}
