package dev.tdeveloper.dr.backup;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tdeveloper.dr.spi.BackupScope;
import dev.tdeveloper.dr.spi.FileStamp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The canonical JSON form of a {@link BackupManifest}: fields in a fixed order, compact, then a
 * {@code sha256} field holding the hash of the bytes before it was added. A file's {@code inode}
 * and {@code ctime} are written only when it has a stamp, so manifests written before stamps were
 * recorded read (and hash) as they did, and readers that do not know the fields ignore them.
 * Thread-safe.
 */
final class ManifestJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String HASH = "sha256";

  private ManifestJson() {}

  /**
   * Returns the manifest's JSON: its content as {@link #content} writes it, with the {@code sha256}
   * field of the content's hash added last (the bytes a tree of the content with that field put
   * last serializes to).
   */
  static byte[] write(BackupManifest manifest) {
    byte[] content = content(manifest);
    byte[] hash =
        (",\"" + HASH + "\":\"" + Sha256.hex(content, 0, content.length) + "\"}")
            .getBytes(StandardCharsets.US_ASCII);
    byte[] json = Arrays.copyOf(content, content.length - 1 + hash.length); // drops the last '}'
    System.arraycopy(hash, 0, json, content.length - 1, hash.length);
    return json;
  }

  static String contentHash(BackupManifest manifest) {
    byte[] content = content(manifest);
    return Sha256.hex(content, 0, content.length);
  }

  static BackupManifest read(BackupScope scope, String backupId, byte[] json) {
    JsonNode tree;
    try {
      tree = MAPPER.readTree(json);
    } catch (IOException e) {
      throw new CorruptManifestException(backupId, "not JSON (" + e.getMessage() + ")");
    }
    if (!(tree instanceof ObjectNode node) || !node.path(HASH).isTextual()) {
      throw new CorruptManifestException(backupId, "not a manifest object with a sha256 field");
    }
    String stored = node.remove(HASH).asText();
    byte[] content = bytes(node);
    String actual = Sha256.hex(content, 0, content.length);
    if (!actual.equals(stored)) {
      throw new CorruptManifestException(
          backupId, "its content hashes to " + actual + " but it records " + stored);
    }
    BackupManifest manifest;
    try {
      manifest = parse(scope, node);
    } catch (RuntimeException e) {
      throw new CorruptManifestException(backupId, "unreadable content (" + e.getMessage() + ")");
    }
    if (!manifest.backupId().equals(backupId)) {
      throw new CorruptManifestException(
          backupId, "it describes backup " + manifest.backupId() + " (moved or copied)");
    }
    return manifest;
  }

  /**
   * Returns the manifest's content, compact, fields in the order {@link #read} re-serializes a
   * parsed tree in; written with Jackson's generator straight from the manifest (a manifest lists
   * every file of the source, so building a tree of it first cost more than the writing).
   */
  static byte[] content(BackupManifest m) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256 + 160 * m.files().size());
    try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
      g.writeStartObject();
      g.writeNumberField("format", m.formatVersion());
      g.writeStringField("backupId", m.backupId());
      g.writeStringField("scope", m.scope().key());
      g.writeStringField("source", m.source());
      g.writeStringField("type", m.type().name());
      if (m.parent().isPresent()) {
        g.writeStringField("parent", m.parent().get());
      }
      g.writeStringField("startedAt", m.startedAt().toString());
      g.writeStringField("finishedAt", m.finishedAt().toString());
      if (m.journalSequence().isPresent()) {
        g.writeNumberField("journalSequence", m.journalSequence().getAsLong());
      }
      g.writeObjectFieldStart("totals");
      g.writeNumberField("files", m.totals().files());
      g.writeNumberField("bytesRead", m.totals().bytesRead());
      g.writeNumberField("chunksNew", m.totals().chunksNew());
      g.writeNumberField("chunksReused", m.totals().chunksReused());
      g.writeNumberField("bytesWritten", m.totals().bytesWritten());
      g.writeEndObject();
      g.writeArrayFieldStart("files");
      Times times = new Times();
      for (BackupFile file : m.files()) {
        g.writeStartObject();
        g.writeStringField("path", file.path());
        g.writeNumberField("size", file.size());
        g.writeStringField("lastModified", times.text(file.lastModified()));
        if (file.stamp().isPresent()) {
          g.writeNumberField("inode", file.stamp().get().inode());
          g.writeStringField("ctime", times.text(file.stamp().get().statusChanged()));
        }
        g.writeStringField("sha256", file.sha256());
        g.writeArrayFieldStart("chunks");
        for (ChunkRef chunk : file.chunks()) {
          g.writeStartArray();
          g.writeString(chunk.id());
          g.writeNumber(chunk.size());
          g.writeEndArray();
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new IllegalStateException("cannot write a manifest's JSON", e);
    }
    return out.toByteArray();
  }

  /**
   * Formats a manifest's timestamps, the text of the one before reused when it repeats (most files
   * of a backup share a few times).
   */
  private static final class Times {
    private Instant last;
    private String lastText;

    String text(Instant t) {
      if (!t.equals(last)) {
        lastText = t.toString();
        last = t;
      }
      return lastText;
    }
  }

  private static BackupManifest parse(BackupScope scope, ObjectNode node) {
    String storedScope = text(node, "scope");
    if (!storedScope.equals(scope.key())) {
      throw new IllegalArgumentException(
          "it belongs to scope " + storedScope + ", not " + scope.key());
    }
    JsonNode totals = required(node, "totals");
    List<BackupFile> files = new ArrayList<>();
    Instants instants = new Instants();
    for (JsonNode f : required(node, "files")) {
      List<ChunkRef> chunks = new ArrayList<>();
      for (JsonNode c : required(f, "chunks")) {
        chunks.add(new ChunkRef(c.path(0).asText(""), c.path(1).asInt(0)));
      }
      files.add(
          new BackupFile(
              text(f, "path"),
              number(f, "size"),
              instants.parse(text(f, "lastModified")),
              text(f, "sha256"),
              chunks,
              f.has("inode")
                  ? Optional.of(new FileStamp(number(f, "inode"), instants.parse(text(f, "ctime"))))
                  : Optional.empty()));
    }
    return new BackupManifest(
        (int) number(node, "format"),
        text(node, "backupId"),
        scope,
        text(node, "source"),
        BackupType.valueOf(text(node, "type")),
        node.has("parent") ? Optional.of(text(node, "parent")) : Optional.empty(),
        Instant.parse(text(node, "startedAt")),
        Instant.parse(text(node, "finishedAt")),
        node.has("journalSequence")
            ? OptionalLong.of(number(node, "journalSequence"))
            : OptionalLong.empty(),
        files,
        new BackupTotals(
            number(totals, "files"),
            number(totals, "bytesRead"),
            number(totals, "chunksNew"),
            number(totals, "chunksReused"),
            number(totals, "bytesWritten")));
  }

  /**
   * Parses a manifest's timestamps, the text of the one before reused when it repeats: a source
   * that stamps every file with the backup's start (one that cannot tell changed records apart)
   * writes the same text thousands of times, and {@link Instant#parse} dominated reading it.
   */
  private static final class Instants {
    private String lastText;
    private Instant last;

    Instant parse(String text) {
      if (!text.equals(lastText)) {
        last = Instant.parse(text);
        lastText = text;
      }
      return last;
    }
  }

  private static JsonNode required(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException("field '" + field + "' is missing");
    }
    return value;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = required(node, field);
    if (!value.isTextual()) {
      throw new IllegalArgumentException("field '" + field + "' is not a string");
    }
    return value.asText();
  }

  private static long number(JsonNode node, String field) {
    JsonNode value = required(node, field);
    if (!value.canConvertToLong() || !value.isIntegralNumber()) {
      throw new IllegalArgumentException("field '" + field + "' is not an integer");
    }
    return value.asLong();
  }

  private static byte[] bytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a JSON tree", e);
    }
  }
}
