package dev.tdeveloper.dr.drill;

/** Which backup within the drill window a {@link RestoreDrill} restores (as AWS Backup does). */
public enum DrillSelection {
  /** The most recently created backup in the window. */
  LATEST,
  /** A backup drawn uniformly at random from the window, so old backups get tested too. */
  RANDOM
}
