package dev.tdeveloper.security.waf.engine;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Numbers the {@code TX} keys that rules name at load time ({@code setvar:tx.anomaly_score=+5},
 * {@code %{tx.critical_anomaly_score}}, the keys a {@link PolicyPlan} replays), so that a {@link
 * TxCollection} keeps their values in an array indexed by number and a compiled rule reaches them
 * without hashing the key. Keys are lower case, as {@code TX} keeps them. The numbers are
 * process-wide (macro templates are shared by every rule set), never reused, and bounded by {@link
 * #LIMIT}: past it a key gets none and is kept by name, as every key written at run time is.
 * Thread-safe.
 */
final class TxKeys {
  /** The most keys numbered: far more than CRS names (about 200). */
  static final int LIMIT = 4096;

  private static final ConcurrentHashMap<String, Integer> SLOTS = new ConcurrentHashMap<>();
  // The target name of each numbered key in the TX collection ("TX:" + key), by number.
  private static volatile String[] txNames = new String[64];

  private TxKeys() {}

  /**
   * The number of a key, given one if it has none yet.
   *
   * @param key the key, any case
   * @return its number; -1 when {@link #LIMIT} keys are numbered already
   */
  static int slot(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    Integer slot = SLOTS.get(k);
    if (slot != null) {
      return slot;
    }
    synchronized (TxKeys.class) {
      slot = SLOTS.get(k);
      if (slot != null) {
        return slot;
      }
      int n = SLOTS.size();
      if (n >= LIMIT) {
        return -1;
      }
      String[] names = txNames;
      if (n >= names.length) {
        names = Arrays.copyOf(names, 2 * names.length);
      }
      names[n] = "TX:" + k;
      txNames = names;
      SLOTS.put(k, n);
      return n;
    }
  }

  /**
   * The number of a lower-case key, without giving one.
   *
   * @param key the key, lower case
   * @return its number; -1 when it has none
   */
  static int find(String key) {
    Integer slot = SLOTS.get(key);
    return slot == null ? -1 : slot;
  }

  /**
   * How many keys are numbered now (numbers are below it).
   *
   * @return the count
   */
  static int count() {
    return SLOTS.size();
  }

  /**
   * The name of a numbered key's target in the {@code TX} collection.
   *
   * @param slot the key's number
   * @return {@code TX:} and the key
   */
  static String txName(int slot) {
    return txNames[slot];
  }
}
