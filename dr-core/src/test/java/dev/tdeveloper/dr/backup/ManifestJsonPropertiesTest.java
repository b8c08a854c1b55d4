package dev.tdeveloper.dr.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tdeveloper.dr.spi.BackupScope;
import dev.tdeveloper.dr.spi.FileStamp;
import dev.tdeveloper.tenancy.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * A manifest's JSON is written straight from the manifest now; its bytes (and so every stored
 * manifest's hash) must stay exactly those of the JSON tree it was serialized from before.
 */
class ManifestJsonPropertiesTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Characters a path may hold, escapes and multi-byte UTF-8 among them. */
  private static final String[] PIECES = {
    "a", "Z", "0", "-", ".", "_", " ", "/", "\"", "\u0001", "\u001f", "\t", "\u007f", "é", "ß",
    "日本", "\u2028", "😀", "<", "&"
  };

  @Property(tries = 300)
  void writesExactlyTheBytesOfTheTreeItWasSerializedFrom(@ForAll long seed) {
    BackupManifest manifest = manifest(new Random(seed));
    ObjectNode tree = treeContent(manifest);
    byte[] content = bytes(tree);
    tree.put("sha256", Sha256.hex(content, 0, content.length));

    assertThat(ManifestJson.write(manifest)).isEqualTo(bytes(tree));
    assertThat(ManifestJson.contentHash(manifest))
        .isEqualTo(Sha256.hex(content, 0, content.length));
    assertThat(
            ManifestJson.read(manifest.scope(), manifest.backupId(), ManifestJson.write(manifest)))
        .isEqualTo(manifest);
  }

  private static BackupManifest manifest(Random random) {
    TreeSet<String> paths = new TreeSet<>();
    int count = random.nextInt(12);
    while (paths.size() < count) {
      StringBuilder path = new StringBuilder();
      for (int i = 1 + random.nextInt(6); i > 0; i--) {
        path.append(PIECES[random.nextInt(PIECES.length)]);
      }
      String p = path.toString().replaceAll("/+", "/").replaceAll("^/|/$", "");
      if (!p.isEmpty()
          && !p.contains("/./")
          && !p.equals(".")
          && !p.startsWith("./")
          && !p.endsWith("/.")
          && !p.contains("..")) {
        paths.add(p);
      }
    }
    Instant started =
        Instant.ofEpochSecond(
            1_700_000_000L + random.nextInt(1_000_000),
            random.nextInt(3) == 0 ? 0 : random.nextInt(1_000_000_000));
    Instant shared = started.minusSeconds(random.nextInt(100));
    List<BackupFile> files = new ArrayList<>();
    for (String path : paths) {
      List<ChunkRef> chunks = new ArrayList<>();
      long size = 0;
      for (int c = random.nextInt(4); c > 0; c--) {
        int chunkSize = 1 + random.nextInt(random.nextBoolean() ? 100 : Integer.MAX_VALUE - 1);
        chunks.add(new ChunkRef(hex(random), chunkSize));
        size += chunkSize;
      }
      Instant modified =
          random.nextBoolean() ? shared : shared.plusNanos(random.nextInt(1_000_000_000));
      Optional<FileStamp> stamp =
          random.nextBoolean()
              ? Optional.of(
                  new FileStamp(random.nextLong(), random.nextBoolean() ? modified : started))
              : Optional.empty();
      files.add(new BackupFile(path, size, modified, hex(random), chunks, stamp));
    }
    return new BackupManifest(
        BackupManifest.FORMAT_VERSION,
        "20250301T100000000Z-0685f66f",
        random.nextBoolean() ? BackupScope.platform() : BackupScope.of(TenantId.of("acme")),
        "notes",
        random.nextBoolean() ? BackupType.FULL : BackupType.INCREMENTAL,
        random.nextBoolean() ? Optional.of("20250301T095900000Z-1a2b3c4d") : Optional.empty(),
        started,
        started.plusMillis(random.nextInt(100_000)),
        random.nextBoolean()
            ? OptionalLong.of(random.nextLong() & Long.MAX_VALUE)
            : OptionalLong.empty(),
        files,
        new BackupTotals(
            files.size(),
            random.nextLong() & Long.MAX_VALUE,
            random.nextInt(1000),
            random.nextInt(1000),
            random.nextLong() & Long.MAX_VALUE));
  }

  private static String hex(Random random) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** The manifest's content as a JSON tree, as the writer built it before it wrote directly. */
  private static ObjectNode treeContent(BackupManifest m) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("format", m.formatVersion());
    node.put("backupId", m.backupId());
    node.put("scope", m.scope().key());
    node.put("source", m.source());
    node.put("type", m.type().name());
    m.parent().ifPresent(parent -> node.put("parent", parent));
    node.put("startedAt", m.startedAt().toString());
    node.put("finishedAt", m.finishedAt().toString());
    m.journalSequence().ifPresent(sequence -> node.put("journalSequence", sequence));
    ObjectNode totals = node.putObject("totals");
    totals.put("files", m.totals().files());
    totals.put("bytesRead", m.totals().bytesRead());
    totals.put("chunksNew", m.totals().chunksNew());
    totals.put("chunksReused", m.totals().chunksReused());
    totals.put("bytesWritten", m.totals().bytesWritten());
    ArrayNode files = node.putArray("files");
    for (BackupFile file : m.files()) {
      ObjectNode f = files.addObject();
      f.put("path", file.path());
      f.put("size", file.size());
      f.put("lastModified", file.lastModified().toString());
      file.stamp()
          .ifPresent(
              stamp -> {
                f.put("inode", stamp.inode());
                f.put("ctime", stamp.statusChanged().toString());
              });
      f.put("sha256", file.sha256());
      ArrayNode chunks = f.putArray("chunks");
      for (ChunkRef chunk : file.chunks()) {
        chunks.addArray().add(chunk.id()).add(chunk.size());
      }
    }
    return node;
  }

  private static byte[] bytes(ObjectNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
