package dev.tdeveloper.demo.notes;

import dev.tdeveloper.security.crypto.EnvelopeEncryptor;
import dev.tdeveloper.tenancy.internal.JournalFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Notes journal files that fail as a full or failing disk does, for tests: an operation made to
 * fail on a file throws before it touches the file (as a refused write that {@link JournalFile} cut
 * off again), until healed. Also tracks each file's durable length (its size at its last force or
 * rewrite), so a test can cut a crash image as a power loss would. Thread-safe.
 */
public final class FaultyFiles implements NoteFile.Opener {
  /** An operation that can be made to fail. */
  public enum Op {
    /** {@code append} and {@code appendUnforced}. */
    APPEND,
    /** {@code force}. */
    FORCE,
    /** {@code rewrite} (compaction). */
    REWRITE
  }

  private final Map<Path, Set<Op>> failing = new ConcurrentHashMap<>();
  private final Map<Path, Integer> appendsLeft = new ConcurrentHashMap<>();
  private final Map<Path, Long> durable = new ConcurrentHashMap<>();
  private final AtomicInteger failures = new AtomicInteger();
  private final Map<Path, Deque<Runnable>> duringForces = new ConcurrentHashMap<>();

  /** Returns a store over {@code directory} whose journals these files open. */
  public NoteStore store(
      Path directory,
      EnvelopeEncryptor encryptor,
      InstantSource clock,
      NoteChangeLog changes,
      Optional<Executor> checkpoints) {
    return new NoteStore(directory, encryptor, clock, changes, this, checkpoints);
  }

  /** Makes {@code ops} on {@code file} fail from now on. */
  public void fail(Path file, Op... ops) {
    failing.computeIfAbsent(file, f -> ConcurrentHashMap.newKeySet()).addAll(List.of(ops));
  }

  /** Makes {@code ops} on {@code file} fail once {@code appends} more appends succeeded there. */
  public void failAfter(Path file, int appends, Op... ops) {
    appendsLeft.put(file, appends);
    failing.put(file, EnumSet.noneOf(Op.class));
    failing.get(file).addAll(List.of(ops));
  }

  /** Makes every operation on {@code file} succeed again. */
  public void heal(Path file) {
    failing.remove(file);
    appendsLeft.remove(file);
  }

  /**
   * Runs {@code hook} during the {@code skip + 1}th force of {@code file} from now, after the force
   * began (what it appends is not forced by it), as a writer racing the force would; {@code skip} 0
   * or 1.
   */
  public void duringForce(Path file, int skip, Runnable hook) {
    Deque<Runnable> hooks = duringForces.computeIfAbsent(file, f -> new ArrayDeque<>());
    hooks.clear();
    if (skip == 1) {
      hooks.add(() -> {});
    }
    hooks.add(hook);
  }

  /** Returns how many operations failed as told. */
  public int failures() {
    return failures.get();
  }

  /** Returns the length of {@code file} a power loss cannot cut. */
  public long durableLength(Path file) {
    return durable.getOrDefault(file, 0L);
  }

  @Override
  public NoteFile open(Path path, JournalFile.Replay replay) {
    NoteFile file = NoteFile.JOURNALS.open(path, replay);
    durable.put(path, size(path));
    return new NoteFile() {
      @Override
      public void append(byte[] payload) {
        check(path, Op.APPEND);
        file.append(payload);
        durable.put(path, size(path));
      }

      @Override
      public void appendUnforced(byte[] payload) {
        check(path, Op.APPEND);
        file.appendUnforced(payload);
      }

      @Override
      public void force() {
        long size = size(path); // what was appended before the force began
        Runnable hook = duringForces.getOrDefault(path, new ArrayDeque<>()).poll();
        if (hook != null) {
          hook.run();
        }
        check(path, Op.FORCE);
        file.force();
        durable.merge(path, size, Math::max);
      }

      @Override
      public void rewrite(List<byte[]> payloads) {
        check(path, Op.REWRITE);
        file.rewrite(payloads);
        durable.put(path, size(path));
      }

      @Override
      public void close() {
        file.close();
      }
    };
  }

  private void check(Path path, Op op) {
    Integer left = appendsLeft.get(path);
    if (left != null) {
      if (left > 0) {
        appendsLeft.put(path, op == Op.APPEND ? left - 1 : left);
        return;
      }
    }
    if (failing.getOrDefault(path, Set.of()).contains(op)) {
      failures.incrementAndGet();
      throw new NotesException(
          "injected: cannot " + op + " " + path, new IOException("No space left on device"));
    }
  }

  private static long size(Path path) {
    try {
      return Files.size(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
