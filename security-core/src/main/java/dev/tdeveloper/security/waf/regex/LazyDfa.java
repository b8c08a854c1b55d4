package dev.tdeveloper.security.waf.regex;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Whether a linear pattern matches anywhere in an input, answered by a DFA built lazily from the
 * pattern's Thompson NFA: each DFA state is the set of NFA threads alive after a prefix, keyed with
 * the two facts the zero-width assertions need (at the start; previous byte a word byte), and each
 * transition is worked out the first time an input takes it, then read from a table. A warm search
 * costs a table read per input byte instead of RE2/J's walk over every live thread.
 *
 * <p>It says only "matches" or "does not match" (no groups), and it may decline ({@link #UNKNOWN})
 * so that the caller runs RE2/J: for a char above 0xFF, when a search would build more than {@value
 * #MAX_NEW_STATES_PER_SEARCH} states, or when the table has reached {@value #MAX_CELLS} cells (it
 * is then dropped and rebuilt from scratch). A search therefore stays linear in its input.
 * Thread-safe: states are immutable but for their transition slots, which are filled under the
 * table's lock and read without it (a slot read as empty just takes the lock).
 */
final class LazyDfa {
  /** The answer when the DFA declines and the caller must search another way. */
  static final int UNKNOWN = -1;

  static final int NOT_MATCHED = 0;
  static final int MATCHED = 1;

  /** States a single search may add before it declines. */
  static final int MAX_NEW_STATES_PER_SEARCH = 64;

  /**
   * Cells a table may hold before it is dropped: per state, a transition slot per byte class and an
   * entry per NFA thread it keeps.
   */
  static final int MAX_CELLS = 1 << 15;

  private static final State MATCH = new State(new int[0], 0, 0);
  private static final State DEAD = new State(new int[0], 0, 0);

  private final NfaProgram program;
  private volatile Table table;

  private LazyDfa(NfaProgram program) {
    this.program = program;
    this.table = new Table();
  }

  /** The DFA of a parsed linear pattern, or null when its NFA would be too large. */
  static LazyDfa of(Node root) {
    NfaProgram p = NfaProgram.of(root);
    return p == null ? null : new LazyDfa(p);
  }

  /**
   * Searches the input.
   *
   * @return {@link #MATCHED}, {@link #NOT_MATCHED} or {@link #UNKNOWN} (search another way)
   */
  int search(CharSequence input) {
    Table t = table;
    State s = t.start;
    int budget = MAX_NEW_STATES_PER_SEARCH;
    byte[] classOf = program.classOf;
    int n = input.length();
    for (int i = 0; i < n; i++) {
      char c = input.charAt(i);
      if (c > 0xFF) {
        return UNKNOWN;
      }
      int k = classOf[c] & 0xFF;
      State next = s.next[k];
      if (next == null) {
        if (--budget < 0) {
          return UNKNOWN;
        }
        next = t.step(s, k);
        if (next == null) {
          return UNKNOWN;
        }
      }
      if (next == MATCH) {
        return MATCHED;
      }
      if (next == DEAD) {
        return NOT_MATCHED;
      }
      s = next;
    }
    int end = s.end;
    if (end == 0) {
      end = t.end(s);
    }
    return end == 2 ? MATCHED : NOT_MATCHED;
  }

  /** The number of states the current table holds, for tests. */
  int stateCount() {
    return table.states.size();
  }

  /** A DFA state: the NFA threads waiting for the next byte, and the assertion context. */
  private static final class State {
    final int[] kernel;
    final int flags;
    final State[] next;
    // 0 unknown, 1 no match at the end of input, 2 a match; written once, racily and idempotently.
    int end;

    State(int[] kernel, int flags, int classes) {
      this.kernel = kernel;
      this.flags = flags;
      this.next = new State[classes];
    }
  }

  /** A set of threads and flags, as a map key. */
  private record Key(int flags, int[] kernel) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.flags == flags && Arrays.equals(k.kernel, kernel);
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(kernel) + flags;
    }

    @Override
    public String toString() {
      return flags + Arrays.toString(kernel);
    }
  }

  /** The states built so far; grown under its own lock. */
  private final class Table {
    final Map<Key, State> states = new HashMap<>();
    final State start;
    private final int[] stack;
    private final int[] seen;
    private final int[] found;
    private int generation;
    private int top;
    private int cells;

    Table() {
      int size = program.size();
      this.stack = new int[size];
      this.seen = new int[size];
      this.found = new int[size];
      this.start = intern(new int[] {program.start}, NfaProgram.AT_START);
    }

    private State intern(int[] kernel, int flags) {
      Key key = new Key(flags, kernel);
      State s = states.get(key);
      if (s == null) {
        s = new State(kernel, flags, program.classCount);
        states.put(key, s);
        cells += program.classCount + kernel.length;
      }
      return s;
    }

    /** The state after s reads a byte of class k; null when the table is full (then replaced). */
    synchronized State step(State s, int k) {
      State known = s.next[k];
      if (known != null) {
        return known;
      }
      if (cells >= MAX_CELLS) {
        table = new Table();
        return null;
      }
      int count = closure(s, k);
      State next;
      if (count < 0) {
        next = MATCH;
      } else {
        int[] kernel = program.advance(found, count, k);
        next =
            kernel.length == 0 && program.anchored
                ? DEAD
                : intern(kernel, program.isWord(k) ? NfaProgram.PREV_WORD : 0);
      }
      s.next[k] = next;
      return next;
    }

    /** 2 when s matches at the end of the input, else 1. */
    synchronized int end(State s) {
      if (s.end == 0) {
        s.end = closure(s, -1) < 0 ? 2 : 1;
      }
      return s.end;
    }

    /**
     * Follows s's threads through empty moves before a byte of class k (-1: the end), leaving the
     * byte-reading instructions reached in {@code found}; their count, or -1 when one reaches the
     * match.
     */
    private int closure(State s, int k) {
      int g = ++generation;
      if (g == Integer.MAX_VALUE) {
        Arrays.fill(seen, 0);
        generation = g = 1;
      }
      top = 0;
      int count = 0;
      if (!program.anchored) {
        push(program.start, g);
      }
      int[] kernel = s.kernel;
      for (int i = kernel.length - 1; i >= 0; i--) {
        push(kernel[i], g);
      }
      while (top > 0) {
        int pc = stack[--top];
        switch (program.op[pc]) {
          case NfaProgram.MATCH -> {
            return -1;
          }
          case NfaProgram.CHAR -> found[count++] = pc;
          case NfaProgram.SPLIT -> {
            push(program.alt[pc], g);
            push(program.out[pc], g);
          }
          case NfaProgram.EMPTY -> push(program.out[pc], g);
          default -> {
            if (program.holds(pc, s.flags, k)) {
              push(program.out[pc], g);
            }
          }
        }
      }
      return count;
    }

    /** Pushes an instruction not yet reached in this closure: each is handled at most once. */
    private void push(int pc, int g) {
      if (seen[pc] != g) {
        seen[pc] = g;
        stack[top++] = pc;
      }
    }
  }
}
