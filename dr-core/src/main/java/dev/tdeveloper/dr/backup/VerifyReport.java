package dev.tdeveloper.dr.backup;

import dev.tdeveloper.dr.spi.BackupScope;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a verification found: the manifests and chunks it checked, and every missing or corrupt
 * chunk with the backups and files it breaks, and every manifest that cannot be trusted. Immutable.
 *
 * @param scope the scope verified
 * @param backupsChecked the ids of the manifests that loaded and were checked
 * @param chunksChecked how many distinct chunks were checked: all read back by {@link
 *     BackupEngine#verify}; by {@link BackupEngine#verifyWritten} the ones its backup wrote read
 *     back, the others checked present
 * @param missingChunks chunks referenced but not stored
 * @param corruptChunks chunks stored but not authenticating, decoding or matching their id
 * @param corruptManifests manifests that failed their hash or did not parse
 */
public record VerifyReport(
    BackupScope scope,
    List<String> backupsChecked,
    long chunksChecked,
    List<ChunkProblem> missingChunks,
    List<ChunkProblem> corruptChunks,
    List<ManifestProblem> corruptManifests) {
  /** Copies the lists. */
  public VerifyReport {
    Objects.requireNonNull(scope, "scope");
    backupsChecked = List.copyOf(backupsChecked);
    missingChunks = List.copyOf(missingChunks);
    corruptChunks = List.copyOf(corruptChunks);
    corruptManifests = List.copyOf(corruptManifests);
  }

  /** Returns whether nothing is missing or corrupt. */
  public boolean ok() {
    return missingChunks.isEmpty() && corruptChunks.isEmpty() && corruptManifests.isEmpty();
  }

  /** Returns a one-paragraph summary naming every problem, for logs and failure messages. */
  public String describe() {
    StringBuilder text =
        new StringBuilder()
            .append(scope.key())
            .append(": ")
            .append(backupsChecked.size())
            .append(" manifests and ")
            .append(chunksChecked)
            .append(" chunks checked");
    missingChunks.forEach(p -> text.append("; missing ").append(p.describe()));
    corruptChunks.forEach(p -> text.append("; corrupt ").append(p.describe()));
    corruptManifests.forEach(
        p ->
            text.append("; corrupt manifest ")
                .append(p.backupId())
                .append(": ")
                .append(p.problem()));
    return text.toString();
  }

  /**
   * A missing or corrupt chunk and what it breaks.
   *
   * @param chunkId the chunk's id
   * @param problem what is wrong
   * @param filesByBackup for each affected backup id, the paths of its files that use the chunk
   */
  public record ChunkProblem(
      String chunkId, String problem, Map<String, List<String>> filesByBackup) {
    /** Copies the map. */
    public ChunkProblem {
      Objects.requireNonNull(chunkId, "chunkId");
      Objects.requireNonNull(problem, "problem");
      filesByBackup = Map.copyOf(filesByBackup);
    }

    String describe() {
      return "chunk " + chunkId + " (" + problem + ") used by " + filesByBackup;
    }
  }

  /**
   * A manifest that cannot be trusted.
   *
   * @param backupId the backup
   * @param problem what is wrong
   */
  public record ManifestProblem(String backupId, String problem) {
    /** Checks that no field is null. */
    public ManifestProblem {
      Objects.requireNonNull(backupId, "backupId");
      Objects.requireNonNull(problem, "problem");
    }
  }
}
