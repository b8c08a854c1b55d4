package dev.tdeveloper.compliance.audit.file;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * When a {@link FileAuditSink} deletes old segments: those sealed longer ago than {@link #maxAge()}
 * by the sink's clock, and/or the oldest ones while all segments together exceed {@link
 * #maxBytes()}. The active segment is never deleted, and leaf hashes and checkpoints are always
 * kept, so proofs and checkpoint consistency survive. The sink applies the limits when it seals a
 * segment and on {@link FileAuditSink#applyRetention()}, so between those the active segment's
 * growth may take the total past {@code maxBytes} by up to one segment. Immutable and thread-safe.
 *
 * @param maxAge how long a sealed segment is kept after it was sealed; empty for no age limit
 * @param maxBytes the most bytes all segments may take together; empty for no size limit
 */
public record RetentionSettings(Optional<Duration> maxAge, OptionalLong maxBytes) {
  /**
   * Validates the limits.
   *
   * @throws IllegalArgumentException if {@code maxAge} is not positive or {@code maxBytes} is not
   *     positive
   */
  public RetentionSettings {
    Objects.requireNonNull(maxAge, "maxAge");
    Objects.requireNonNull(maxBytes, "maxBytes");
    maxAge.ifPresent(
        age -> {
          if (age.isNegative() || age.isZero()) {
            throw new IllegalArgumentException("maxAge must be positive, was " + age);
          }
        });
    if (maxBytes.isPresent() && maxBytes.getAsLong() <= 0) {
      throw new IllegalArgumentException("maxBytes must be positive, was " + maxBytes.getAsLong());
    }
  }

  /** Returns settings that keep every segment forever (the default). */
  public static RetentionSettings keepAll() {
    return new RetentionSettings(Optional.empty(), OptionalLong.empty());
  }

  /**
   * Returns these settings with an age limit.
   *
   * @throws IllegalArgumentException if {@code age} is not positive
   */
  public RetentionSettings withMaxAge(Duration age) {
    return new RetentionSettings(Optional.of(Objects.requireNonNull(age, "age")), maxBytes);
  }

  /**
   * Returns these settings with a limit on the bytes of all segments together.
   *
   * @throws IllegalArgumentException if {@code bytes} is not positive
   */
  public RetentionSettings withMaxBytes(long bytes) {
    return new RetentionSettings(maxAge, OptionalLong.of(bytes));
  }

  /**
   * Returns how many of the oldest {@code sealed} segments to delete now.
   *
   * @param activeBytes the bytes of the active segment, which is always kept
   * @param sealedAt when each sealed segment (by first sequence) was sealed
   */
  int prunable(List<Segment> sealed, long activeBytes, Map<Long, Instant> sealedAt, Instant now) {
    long total = activeBytes;
    for (Segment segment : sealed) {
      total += segment.bytes();
    }
    int count = 0;
    for (Segment segment : sealed) {
      Instant sealedTime = sealedAt.getOrDefault(segment.first(), now);
      boolean tooOld = maxAge.isPresent() && !sealedTime.plus(maxAge.get()).isAfter(now);
      boolean tooBig = maxBytes.isPresent() && total > maxBytes.getAsLong();
      if (!tooOld && !tooBig) {
        break;
      }
      total -= segment.bytes();
      count++;
    }
    return count;
  }
}
