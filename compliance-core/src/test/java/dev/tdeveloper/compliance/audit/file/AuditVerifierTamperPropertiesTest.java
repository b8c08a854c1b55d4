package dev.tdeveloper.compliance.audit.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.compliance.audit.file.VerificationReport.Kind;
import dev.tdeveloper.compliance.audit.file.VerificationReport.Problem;
import dev.tdeveloper.compliance.spi.AuditRecord;
import dev.tdeveloper.tenancy.internal.DurableFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;

/**
 * The proof: flip any bit, delete, reorder, truncate or edit (recomputing hashes and CRCs
 * without the key) — the verifier, given the key and the anchored size, detects every one and names
 * the first bad entry.
 */
class AuditVerifierTamperPropertiesTest {
  private static final int ENTRIES = 700;
  private static final Path TEMPLATE = template();
  private Path directory;

  private static Path template() {
    try {
      Path dir = Files.createTempDirectory("audit-tamper-template");
      TestLog log = new TestLog();
      try (FileAuditSink sink =
          FileAuditSink.builder(dir).segmentBytes(FileAuditSink.MIN_SEGMENT_BYTES).open()) {
        for (int i = 0; i < ENTRIES; i += 35) {
          sink.append(log.next(35));
        }
      }
      return dir;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private Path copy() throws IOException {
    directory = TestLog.copy(TEMPLATE, Files.createTempDirectory("audit-tamper"));
    return directory;
  }

  @AfterProperty
  void deleteCopy() throws IOException {
    if (directory != null) {
      delete(directory);
    }
  }

  @AfterContainer
  static void deleteTemplate() throws IOException {
    delete(TEMPLATE);
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(f);
      }
    }
  }

  private static Problem problem(Path dir) {
    VerificationReport report =
        AuditVerifier.builder(dir).chain(TestLog.CHAIN).expectedSize(ENTRIES).build().verify();
    assertThat(report.ok()).as("tampering goes unnoticed").isFalse();
    return report.problem().orElseThrow();
  }

  @Example
  void theUntamperedLogPasses() {
    assertThat(
            AuditVerifier.builder(TEMPLATE)
                .chain(TestLog.CHAIN)
                .expectedSize(ENTRIES)
                .build()
                .verify()
                .ok())
        .isTrue();
  }

  @Property(tries = 400)
  void detectsAnyFlippedBitOfAnySegment(
      @ForAll @IntRange(min = 0, max = 1_000_000) int where, @ForAll @IntRange(max = 7) int bit)
      throws IOException {
    Path dir = copy();
    List<Path> segments = TestLog.segments(dir);
    long total = 0;
    for (Path s : segments) {
      total += Files.size(s);
    }
    long at = where % total;
    int s = 0;
    while (at >= Files.size(segments.get(s))) {
      at -= Files.size(segments.get(s++));
    }
    Path segment = segments.get(s);
    byte[] bytes = Files.readAllBytes(segment);
    bytes[(int) at] ^= (byte) (1 << bit);
    Files.write(segment, bytes);
    long first = SegmentFormat.parseName(segment.getFileName().toString()).orElseThrow();
    List<Long> offsets =
        TestLog.frameOffsets(TEMPLATE.resolve("segments").resolve(segment.getFileName()));
    long expectedIndex = first;
    for (int i = 0; i < offsets.size() - 1; i++) {
      if (offsets.get(i) <= at) {
        expectedIndex = first + i;
      }
    }
    assertThat(problem(dir).index()).isEqualTo(expectedIndex);
  }

  @Property(tries = 150)
  void detectsADeletedEntry(@ForAll @IntRange(max = ENTRIES - 1) int k) throws IOException {
    TamperedLog log = new TamperedLog(copy());
    log.remove(k);
    log.write();
    assertThat(problem(directory).index()).isEqualTo(k);
  }

  @Property(tries = 150)
  void detectsReorderedEntries(
      @ForAll @IntRange(max = ENTRIES - 1) int a, @ForAll @IntRange(max = ENTRIES - 1) int b)
      throws IOException {
    int j = Math.min(a, b);
    int k = Math.max(a, b) == j ? j + 1 : Math.max(a, b);
    if (k >= ENTRIES) {
      j--;
      k--;
    }
    TamperedLog log = new TamperedLog(copy());
    byte[] pj = log.payload(j);
    log.setPayload(j, log.payload(k));
    log.setPayload(k, pj);
    log.write();
    Problem problem = problem(directory);
    assertThat(problem.kind()).isEqualTo(Kind.SEQUENCE_GAP);
    assertThat(problem.index()).isEqualTo(j);
  }

  @Property(tries = 150)
  void detectsReorderedEntriesRenumberedWithoutTheKey(
      @ForAll @IntRange(max = ENTRIES - 2) int j, @ForAll @IntRange(min = 1, max = 50) int gap)
      throws IOException {
    int k = Math.min(ENTRIES - 1, j + gap);
    TamperedLog log = new TamperedLog(copy());
    AuditRecord rj = SegmentFormat.decode(log.payload(j));
    AuditRecord rk = SegmentFormat.decode(log.payload(k));
    log.setPayload(
        j, TamperedLog.encode(AuditRecord.keyed(j, rk.eventBytes(), rk.leafHash(), rk.chain())));
    log.setPayload(
        k, TamperedLog.encode(AuditRecord.keyed(k, rj.eventBytes(), rj.leafHash(), rj.chain())));
    log.setLeaf(j, rk.leafHash());
    log.setLeaf(k, rj.leafHash());
    log.write();
    Problem problem = problem(directory);
    assertThat(problem.kind()).isEqualTo(Kind.CHAIN_MISMATCH);
    assertThat(problem.index()).isEqualTo(j);
  }

  @Property(tries = 150)
  void detectsATruncatedTailEvenWithTheLeavesFileCutToMatch(
      @ForAll @IntRange(max = ENTRIES - 1) int m) throws IOException {
    TamperedLog log = new TamperedLog(copy());
    while (log.payloads.stream().mapToInt(List::size).sum() > m) {
      List<byte[]> last =
          log.payloads.stream().filter(p -> !p.isEmpty()).reduce((x, y) -> y).orElseThrow();
      last.remove(last.size() - 1);
    }
    log.write();
    for (int s = log.files.size() - 1; s > 0 && log.payloads.get(s).isEmpty(); s--) {
      Files.delete(log.files.get(s));
    }
    DurableFiles.truncate(directory.resolve(LeavesFile.NAME), LeavesFile.HEADER + 32L * m);
    Problem problem = problem(directory);
    assertThat(problem.kind()).isEqualTo(Kind.TAIL_MISSING);
    assertThat(problem.index()).isEqualTo(m);
  }

  @Property(tries = 150)
  void detectsAnEditedEventWithRecomputedHashesAndChecksums(
      @ForAll @IntRange(max = ENTRIES - 1) int k) throws IOException {
    TamperedLog log = new TamperedLog(copy());
    byte[] forged = ("{\"seq\":" + k + ",\"actor\":\"nobody\"}").getBytes(StandardCharsets.UTF_8);
    byte[] payload = TamperedLog.withEvent(log.payload(k), k, forged);
    log.setPayload(k, payload);
    log.setLeaf(k, SegmentFormat.decode(payload).leafHash());
    log.write();
    Problem problem = problem(directory);
    assertThat(problem.kind()).isEqualTo(Kind.CHAIN_MISMATCH);
    assertThat(problem.index()).isEqualTo(k);
  }
}
