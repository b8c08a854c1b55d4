package dev.tdeveloper.benchmarks.aws;

import java.util.Locale;

/**
 * What {@link S3BackupComparison} measured. Immutable.
 *
 * @param treeBytes the bytes of the generated tree
 * @param changedBytes the bytes the 1% change overwrote
 * @param changedFiles the files it touched
 * @param ours dr-core's engine into {@code S3BackupStore}
 * @param peer the SDK's {@code S3TransferManager}
 * @param oursFullSealed the sealed (compressed, encrypted) chunk bytes of ours' full backup
 * @param oursIncrementalSealed the same for ours' incremental backup
 */
public record BackupFigures(
    long treeBytes,
    long changedBytes,
    int changedFiles,
    Side ours,
    Side peer,
    long oursFullSealed,
    long oursIncrementalSealed) {

  /**
   * One side's figures: wall-clock nanoseconds and request-body bytes sent, for the full and the
   * incremental run.
   */
  public record Side(long fullNanos, long fullBytes, long incrementalNanos, long incrementalBytes) {
    /** Returns the tree's MiB per second of the full run. */
    public double fullMbPerSecond(long treeBytes) {
      return treeBytes / (1024.0 * 1024.0) / (fullNanos / 1e9);
    }
  }

  /** Returns ours' full-backup throughput over the transfer manager's (above 1: ours faster). */
  public double fullThroughputRatio() {
    return ours.fullMbPerSecond(treeBytes) / peer.fullMbPerSecond(treeBytes);
  }

  /** Returns a table of the figures, for the console and the README. */
  public String report() {
    double mib = 1024.0 * 1024.0;
    return String.format(
        Locale.ROOT,
        "tree %.1f MiB; 1%% change: %.2f MiB in %d files%n"
            + "| | full: s | full: MiB/s | full: MiB sent | incremental: s | incremental: MiB"
            + " sent | incremental: %% of tree |%n"
            + "| --- | ---: | ---: | ---: | ---: | ---: | ---: |%n"
            + "| S3BackupStore (dr-core engine) | %.2f | %.1f | %.1f | %.2f | %.2f | %.2f |%n"
            + "| S3TransferManager.uploadDirectory | %.2f | %.1f | %.1f | %.2f | %.2f | %.2f |%n"
            + "full throughput ratio (ours / transfer manager): %.2fx;"
            + " incremental bytes ratio (ours / transfer manager): %.3f%n",
        treeBytes / mib,
        changedBytes / mib,
        changedFiles,
        ours.fullNanos / 1e9,
        ours.fullMbPerSecond(treeBytes),
        ours.fullBytes / mib,
        ours.incrementalNanos / 1e9,
        ours.incrementalBytes / mib,
        100.0 * ours.incrementalBytes / treeBytes,
        peer.fullNanos / 1e9,
        peer.fullMbPerSecond(treeBytes),
        peer.fullBytes / mib,
        peer.incrementalNanos / 1e9,
        peer.incrementalBytes / mib,
        100.0 * peer.incrementalBytes / treeBytes,
        fullThroughputRatio(),
        (double) ours.incrementalBytes / peer.incrementalBytes);
  }
}
