package dev.tdeveloper.scaling.vertical;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What the recommender keeps per container, as the VPA's aggregate container state: a CPU histogram
 * of every sample, a memory histogram of one peak per aggregation window, and the sample span and
 * counts that give the confidence. Guarded by the recommender's lock.
 */
final class ContainerState {
  final DecayingHistogram cpu;
  final DecayingHistogram memory;
  private final Duration window;
  private Instant firstSample;
  private Instant lastSample;
  long cpuSamples;
  long memorySamples;
  long ooms;
  Optional<Instant> lastOom = Optional.empty();

  /** End of the current memory window; the window is {@code [windowEnd - window, windowEnd)}. */
  private Instant windowEnd;

  private double windowPeak;

  ContainerState(Duration halfLife, Duration window) {
    this.cpu = DecayingHistogram.cpuCores(halfLife);
    this.memory = DecayingHistogram.memoryBytes(halfLife);
    this.window = window;
  }

  void addCpu(Instant time, double cores, double weight) {
    cpu.addSample(cores, weight, time);
    cpuSamples++;
    span(time);
  }

  /** Throws, changing nothing, when {@code time} is before the current memory window. */
  void checkMemoryTime(Instant time) {
    if (windowEnd != null && time.isBefore(windowEnd.minus(window))) {
      throw new IllegalArgumentException(
          "time: "
              + time
              + " is before the current memory window starting "
              + windowEnd.minus(window)
              + "; allowed: memory samples and OOMs no older than the current window");
    }
  }

  /** Keeps the window's peak in the histogram, as the VPA does (one weight-1 sample per window). */
  void addMemory(Instant time, double bytes, boolean countAsSample) {
    checkMemoryTime(time);
    if (windowEnd == null) {
      windowEnd = time.plus(window);
      windowPeak = bytes;
      memory.addSample(bytes, 1.0, windowEnd);
    } else if (time.isBefore(windowEnd)) {
      if (bytes > windowPeak) {
        memory.subtractSample(windowPeak, 1.0, windowEnd);
        memory.addSample(bytes, 1.0, windowEnd);
        windowPeak = bytes;
      }
    } else {
      long windows = Duration.between(windowEnd, time).toMillis() / window.toMillis() + 1;
      windowEnd = windowEnd.plus(window.multipliedBy(windows));
      windowPeak = bytes;
      memory.addSample(bytes, 1.0, windowEnd);
    }
    if (countAsSample) {
      memorySamples++;
      span(time);
    }
  }

  void recordOom(Instant time, double bumpedBytes) {
    addMemory(time, bumpedBytes, false);
    ooms++;
    lastOom = Optional.of(time);
  }

  /** The VPA's confidence: {@code min(days between first and last sample, samples / 1440)}. */
  double confidence() {
    if (firstSample == null) {
      return 0;
    }
    double days = Duration.between(firstSample, lastSample).toMillis() / 86_400_000.0;
    double samples = Math.max(cpuSamples, memorySamples) / (60.0 * 24.0);
    return Math.min(days, samples);
  }

  private void span(Instant time) {
    if (firstSample == null || time.isBefore(firstSample)) {
      firstSample = time;
    }
    if (lastSample == null || time.isAfter(lastSample)) {
      lastSample = time;
    }
  }
}
