package dev.tdeveloper.security.waf.engine;

import dev.tdeveloper.security.waf.WafException;
import dev.tdeveloper.security.waf.seclang.Location;
import dev.tdeveloper.security.waf.transform.Transformation;
import dev.tdeveloper.security.waf.transform.Transformations;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The transformation chains of a rule set as a trie of prefixes: every distinct prefix ({@code
 * urlDecodeUni}, {@code urlDecodeUni,lowercase}) gets a node number, so a transaction caches the
 * result of each prefix per input value once, however many rules share it. Every transformation
 * also has the node of the chain made of it alone, its <em>head</em>: a prefix whose value is still
 * the input gives the next transformation the input itself, so its result is the head's, and the
 * cache works it out once for every chain that reaches it that way. Built at load time (not
 * thread-safe while building); the chains it hands out are immutable.
 */
public final class CompiledTransforms {
  private final Map<String, Integer> nodes = new HashMap<>();
  private final Map<String, Transformation> functions = new HashMap<>();

  /**
   * A chain of transformations as one rule applies them.
   *
   * @param names the transformation names, for logs
   * @param functions the transformations in order
   * @param nodes the trie node of each prefix: {@code nodes[i]} stands for {@code functions[0..i]}
   * @param heads the head node of each transformation: {@code heads[i]} stands for {@code
   *     functions[i]} alone
   * @param triggers per prefix, the chars that may make one of its transformations change a value
   *     ({@code CharTriggers}): four longs from {@code 4 * i} for {@code functions[0..i]}; a value
   *     holding none of them leaves the prefix with the value itself
   * @param caseTriggers per prefix as {@code triggers}, leaving out the transformations that only
   *     change ASCII case and closing the others' letters under case ({@code
   *     CharTriggers#caseClosed}): a value holding none of them leaves the prefix with the value
   *     itself up to the case of ASCII letters
   * @param stepTriggers per transformation alone, the chars that may make it change a value: its
   *     {@code CharTriggers} from {@code WORDS * i} for {@code functions[i]}, so that a step given
   *     the raw value is skipped when the value holds none of them even though the prefix's {@code
   *     triggers} hit
   */
  public record Chain(
      List<String> names,
      Transformation[] functions,
      int[] nodes,
      int[] heads,
      long[] triggers,
      long[] caseTriggers,
      long[] stepTriggers) {
    /** The chain of a rule without transformations. */
    public static final Chain EMPTY =
        new Chain(
            List.of(),
            new Transformation[0],
            new int[0],
            new int[0],
            new long[0],
            new long[0],
            new long[0]);

    /**
     * Copies.
     *
     * @throws IllegalArgumentException when the arrays' lengths do not fit the names
     */
    public Chain {
      names = List.copyOf(names);
      functions = functions.clone();
      nodes = nodes.clone();
      heads = heads.clone();
      triggers = triggers.clone();
      caseTriggers = caseTriggers.clone();
      stepTriggers = stepTriggers.clone();
      int n = names.size();
      if (functions.length != n
          || nodes.length != n
          || heads.length != n
          || triggers.length != CharTriggers.WORDS * n
          || caseTriggers.length != CharTriggers.WORDS * n
          || stepTriggers.length != CharTriggers.WORDS * n) {
        throw new IllegalArgumentException("a chain's arrays must fit its " + n + " names");
      }
    }

    /**
     * The number of transformations.
     *
     * @return the length
     */
    public int length() {
      return functions.length;
    }
  }

  /**
   * The chain of transformation names, {@code none} having already reset what was before it.
   *
   * @param names the names in order, without {@code none}
   * @param location the rule, for errors
   * @return the chain
   * @throws WafException naming the transformation when it is unknown
   */
  public Chain chain(List<String> names, Location location) {
    if (names.isEmpty()) {
      return Chain.EMPTY;
    }
    Transformation[] fns = new Transformation[names.size()];
    int[] ids = new int[names.size()];
    int[] heads = new int[names.size()];
    StringBuilder prefix = new StringBuilder();
    for (int i = 0; i < fns.length; i++) {
      String name = names.get(i);
      fns[i] =
          functions.computeIfAbsent(
              name,
              n ->
                  Transformations.byName(n)
                      .orElseThrow(
                          () ->
                              new WafException(
                                  location + ": t:" + n + ": unknown transformation")));
      prefix.append(name).append(',');
      ids[i] = nodes.computeIfAbsent(prefix.toString(), k -> nodes.size());
    }
    long[] triggers = new long[CharTriggers.WORDS * fns.length];
    long[] caseTriggers = new long[CharTriggers.WORDS * fns.length];
    long[] stepTriggers = new long[CharTriggers.WORDS * fns.length];
    for (int i = 0; i < fns.length; i++) {
      heads[i] = nodes.computeIfAbsent(names.get(i) + ',', k -> nodes.size());
      long[] own = CharTriggers.of(names.get(i));
      long[] closed =
          Transformations.changesOnlyAsciiCase(fns[i])
              ? new long[CharTriggers.WORDS]
              : CharTriggers.caseClosed(own);
      int at = CharTriggers.WORDS * i;
      System.arraycopy(own, 0, stepTriggers, at, CharTriggers.WORDS);
      for (int w = 0; w < CharTriggers.WORDS; w++) {
        triggers[at + w] = (i == 0 ? 0 : triggers[at - CharTriggers.WORDS + w]) | own[w];
        caseTriggers[at + w] = (i == 0 ? 0 : caseTriggers[at - CharTriggers.WORDS + w]) | closed[w];
      }
    }
    return new Chain(new ArrayList<>(names), fns, ids, heads, triggers, caseTriggers, stepTriggers);
  }

  /**
   * The number of prefix nodes, the size of a transaction's cache table.
   *
   * @return the node count
   */
  public int nodeCount() {
    return nodes.size();
  }
}
