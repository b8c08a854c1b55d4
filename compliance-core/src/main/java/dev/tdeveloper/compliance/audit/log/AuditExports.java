package dev.tdeveloper.compliance.audit.log;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tdeveloper.compliance.ComplianceException;
import dev.tdeveloper.compliance.audit.AuditEntry;
import dev.tdeveloper.compliance.audit.AuditEventCodec;
import dev.tdeveloper.compliance.audit.AuditLogger;
import dev.tdeveloper.compliance.audit.AuditQuery;
import dev.tdeveloper.compliance.audit.integrity.Checkpoint;
import dev.tdeveloper.compliance.audit.integrity.CheckpointException;
import dev.tdeveloper.compliance.audit.integrity.CheckpointVerifier;
import dev.tdeveloper.compliance.audit.integrity.InclusionProof;
import dev.tdeveloper.compliance.audit.integrity.MerkleHashes;
import dev.tdeveloper.compliance.audit.integrity.MerkleTree;
import dev.tdeveloper.compliance.audit.integrity.ProofVerifier;
import dev.tdeveloper.tenancy.TenantId;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Per-tenant exports of the audit log as JSON lines that carry their own proof. The first line is
 * {@code {"checkpoint": "<signed note>"}}; every other line is {@code {"sequence": n, "leafHash":
 * "<base64>", "event": "<canonical encoding>", "proof": {"treeSize": n, "hashes": [...]}}}, where
 * {@code event} holds the exact canonical encoding, so that anyone can check {@code leafHash =
 * SHA-256(0x00 || UTF-8(event))} and the inclusion proof against the signed root without our code.
 */
public final class AuditExports {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Base64.Encoder B64 = Base64.getEncoder();

  private AuditExports() {}

  static long write(
      AuditLogger logger,
      MerkleTree tree,
      String note,
      TenantId tenant,
      Instant from,
      Instant to,
      OutputStream out) {
    long size = Checkpoint.parseUnverified(note).size();
    long written = 0;
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
      json.setRootValueSeparator(null);
      json.writeStartObject();
      json.writeStringField("checkpoint", note);
      json.writeEndObject();
      json.writeRaw('\n');
      long after = -1;
      while (true) {
        AuditQuery.Builder query =
            AuditQuery.forTenant(tenant).from(from).to(to).limit(AuditQuery.MAX_LIMIT);
        if (after >= 0) {
          query.afterSequence(after);
        }
        List<AuditEntry> page = logger.query(query.build());
        for (AuditEntry entry : page) {
          if (entry.sequence() >= size) {
            return written;
          }
          line(json, entry, tree.inclusionProof(entry.sequence(), size));
          written++;
          after = entry.sequence();
        }
        if (page.size() < AuditQuery.MAX_LIMIT) {
          return written;
        }
      }
    } catch (IOException e) {
      throw new ComplianceException("cannot write the audit export of " + tenant + ": " + e, e);
    }
  }

  private static void line(JsonGenerator json, AuditEntry entry, InclusionProof proof)
      throws IOException {
    json.writeStartObject();
    json.writeNumberField("sequence", entry.sequence());
    json.writeStringField("leafHash", B64.encodeToString(entry.leafHash()));
    json.writeStringField(
        "event", new String(AuditEventCodec.encode(entry.event()), StandardCharsets.UTF_8));
    json.writeObjectFieldStart("proof");
    json.writeNumberField("treeSize", proof.treeSize());
    json.writeArrayFieldStart("hashes");
    for (String hash : proof.hashesBase64()) {
      json.writeString(hash);
    }
    json.writeEndArray();
    json.writeEndObject();
    json.writeEndObject();
    json.writeRaw('\n');
  }

  /**
   * Verifies an export: the checkpoint's signature, and for every line that the event hashes to its
   * leaf hash and that the leaf is in the signed tree.
   *
   * @param export the JSON lines
   * @param verifier the log's checkpoint verifier key(s)
   * @return the result: lines verified, or the first bad line and why
   */
  public static ExportVerification verify(InputStream export, CheckpointVerifier verifier) {
    List<String> lines = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(export, StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lines.add(line);
      }
    } catch (IOException e) {
      throw new ComplianceException("cannot read the audit export: " + e, e);
    }
    if (lines.isEmpty()) {
      return ExportVerification.bad(0, 1, "the export is empty: no checkpoint line");
    }
    Checkpoint checkpoint;
    try {
      checkpoint = verifier.verify(JSON.readTree(lines.get(0)).path("checkpoint").asText());
    } catch (IOException | CheckpointException e) {
      return ExportVerification.bad(0, 1, "the checkpoint line does not verify: " + e.getMessage());
    }
    for (int i = 1; i < lines.size(); i++) {
      Optional<String> problem = checkLine(lines.get(i), checkpoint);
      if (problem.isPresent()) {
        return ExportVerification.bad(i - 1, i + 1, problem.get());
      }
    }
    return ExportVerification.good(lines.size() - 1, checkpoint);
  }

  private static Optional<String> checkLine(String line, Checkpoint checkpoint) {
    try {
      JsonNode node = JSON.readTree(line);
      byte[] leaf = MerkleHashes.leaf(node.path("event").asText().getBytes(StandardCharsets.UTF_8));
      if (!java.util.Arrays.equals(
          leaf, Base64.getDecoder().decode(node.path("leafHash").asText()))) {
        return Optional.of("the event does not hash to its leaf hash");
      }
      List<String> hashes = new ArrayList<>();
      node.path("proof").path("hashes").forEach(h -> hashes.add(h.asText()));
      long treeSize = node.path("proof").path("treeSize").asLong(-1);
      if (treeSize != checkpoint.size()) {
        return Optional.of("the proof is for a tree of " + treeSize + ", not the checkpoint's");
      }
      InclusionProof proof =
          InclusionProof.fromBase64(node.path("sequence").asLong(-1), treeSize, hashes);
      if (!ProofVerifier.verifyInclusion(leaf, proof, checkpoint.rootHash())) {
        return Optional.of("the inclusion proof does not lead to the checkpoint's root");
      }
      AuditEventCodec.decode(node.path("event").asText().getBytes(StandardCharsets.UTF_8));
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.of("malformed line: " + e.getMessage());
    }
  }
}
