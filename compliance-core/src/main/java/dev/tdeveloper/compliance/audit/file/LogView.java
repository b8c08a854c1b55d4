package dev.tdeveloper.compliance.audit.file;

import dev.tdeveloper.compliance.ComplianceException;
import dev.tdeveloper.compliance.spi.AuditRecord;
import dev.tdeveloper.tenancy.internal.FrameReader;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.function.Consumer;

/**
 * An immutable snapshot of a sink's segments that readers use without locking: the sealed segments,
 * oldest first, and the active one with its committed length. The writer publishes a new view after
 * every change; bytes beyond a view's lengths are never read through it.
 */
record LogView(List<Segment> sealed, Segment active, long firstRetained) {
  LogView {
    sealed = List.copyOf(sealed);
  }

  long size() {
    return active.end();
  }

  /** Hands the entries {@code [from, to)} to {@code consumer}; the range is checked already. */
  void read(long from, long to, Consumer<AuditRecord> consumer) {
    int index = firstSegmentHolding(from);
    for (int i = index; i <= sealed.size() && from < to; i++) {
      Segment segment = i < sealed.size() ? sealed.get(i) : active;
      from = readSegment(segment, from, to, consumer);
    }
  }

  private int firstSegmentHolding(long sequence) {
    int low = 0;
    int high = sealed.size();
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (sealed.get(mid).end() <= sequence) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  private static AuditRecord decode(Segment segment, FrameReader.Step step, long expected) {
    try {
      AuditRecord record = SegmentFormat.decode(step.payload());
      if (record.sequence() == expected) {
        return record;
      }
      throw new IllegalArgumentException("it holds entry " + record.sequence());
    } catch (IllegalArgumentException e) {
      throw new ComplianceException(
          "audit segment "
              + segment.file()
              + " was damaged after it was opened: at byte offset "
              + step.offset()
              + ", where entry "
              + expected
              + " belongs, "
              + e.getMessage());
    }
  }

  private long readSegment(Segment segment, long from, long to, Consumer<AuditRecord> consumer) {
    long next = segment.first();
    try (FrameReader reader = SegmentFormat.FORMAT.reader(segment.file(), segment.bytes())) {
      FrameReader.Step step = reader.readHeader();
      if (step == null && from > next) {
        SegmentIndex.Position start = segment.index().floor(from);
        reader.skipTo(start.offset());
        next = start.sequence();
      }
      while (step == null && next < segment.end() && next < to) {
        step = reader.next();
        if (step.kind() != FrameReader.Kind.RECORD) {
          break;
        }
        if (next >= from) {
          consumer.accept(decode(segment, step, next));
        }
        next++;
        step = null;
      }
      if (step != null) {
        throw new ComplianceException(
            "audit segment "
                + segment.file()
                + " was damaged after it was opened, at byte offset "
                + step.offset()
                + ": "
                + step.problem());
      }
      return Math.min(to, segment.end());
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(
          "entries from "
              + from
              + " were removed by retention while they were read; read from a later entry",
          e);
    } catch (IOException e) {
      throw new ComplianceException("cannot read audit segment " + segment.file() + ": " + e, e);
    }
  }
}
