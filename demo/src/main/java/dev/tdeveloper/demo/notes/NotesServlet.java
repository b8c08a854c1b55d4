package dev.tdeveloper.demo.notes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tdeveloper.demo.Json;
import dev.tdeveloper.tenancy.context.TenantContext;
import dev.tdeveloper.tenancy.quota.QuotaDecision;
import dev.tdeveloper.tenancy.quota.QuotaEnforcer;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BiConsumer;

/**
 * {@code POST /notes}, {@code GET /notes}, {@code GET /notes/{id}} and {@code DELETE /notes/{id}}
 * for the tenant bound by the tenant filter. Creating a note consumes the tenant's {@code notes}
 * quota. A POST may name the note's author in the {@value #USER_HEADER} header ({@link
 * Note#AUTHOR_RULE}); the note keeps it, sealed with its text. Thread-safe.
 */
public final class NotesServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final int MAX_BODY = 64 * 1024;

  /** The request header naming the author of a new note: {@value}. */
  public static final String USER_HEADER = "X-User-Id";

  private final transient Notes notes;
  private final transient QuotaEnforcer quotas;
  private final transient BiConsumer<Note, HttpServletRequest> onCreated;

  /**
   * Serves {@code notes}, charging {@code quotas} and telling {@code onCreated} of each new note
   * (with the request that created it) before the response is sent.
   */
  public NotesServlet(
      Notes notes, QuotaEnforcer quotas, BiConsumer<Note, HttpServletRequest> onCreated) {
    this.notes = notes;
    this.quotas = quotas;
    this.onCreated = onCreated;
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    if (req.getPathInfo() != null && !"/".equals(req.getPathInfo())) {
      Json.problem(resp, "not-found", "Not found", 404, "POST goes to /notes");
      return;
    }
    List<String> users = Collections.list(req.getHeaders(USER_HEADER));
    if (users.size() > 1 || (users.size() == 1 && !Note.isValidAuthor(users.get(0)))) {
      Json.problem(
          resp,
          "invalid-user-id",
          "Invalid user id",
          400,
          "header "
              + USER_HEADER
              + (users.size() > 1 ? " is repeated; give it once" : " must be " + Note.AUTHOR_RULE));
      return;
    }
    Optional<String> author = users.stream().findFirst();
    Optional<String> text = readText(req, resp);
    if (text.isEmpty()) {
      return;
    }
    QuotaDecision quota = quotas.tryConsume(TenantContext.require(), "notes", 1);
    if (quota instanceof QuotaDecision.Exhausted exhausted) {
      resp.setHeader("Retry-After", String.valueOf(secondsUntil(exhausted.resetAt())));
      Json.problem(
          resp,
          "quota-exceeded",
          "Quota exceeded",
          429,
          "the notes quota of this tenant is used up until " + exhausted.resetAt());
      return;
    }
    try {
      Note note = notes.create(text.get(), author);
      onCreated.accept(note, req);
      resp.setHeader("Location", withoutTrailingSlash(req.getRequestURI()) + "/" + note.id());
      Json.send(resp, 201, note);
    } catch (IllegalArgumentException e) {
      quotas.refund(TenantContext.require(), "notes", 1);
      Json.problem(resp, "invalid-note", "Invalid note", 400, e.getMessage());
    }
  }

  /**
   * Drops one trailing {@code /}, as {@code replaceAll("/$", "")} did (a request URI holds no line
   * terminator), without a regex.
   */
  static String withoutTrailingSlash(String uri) {
    return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
  }

  private static long secondsUntil(java.time.Instant instant) {
    return Math.max(1, java.time.Duration.between(java.time.Instant.now(), instant).toSeconds());
  }

  private Optional<String> readText(HttpServletRequest req, HttpServletResponse resp)
      throws IOException {
    byte[] body;
    try (InputStream in = req.getInputStream()) {
      body = in.readNBytes(MAX_BODY + 1);
    }
    if (body.length > MAX_BODY) {
      Json.problem(resp, "invalid-note", "Invalid note", 413, "body larger than 64 KiB");
      return Optional.empty();
    }
    try {
      JsonNode node = Json.MAPPER.readTree(body);
      if (node == null || !node.isObject() || !node.path("text").isTextual()) {
        Json.problem(
            resp,
            "invalid-note",
            "Invalid note",
            400,
            "expected a JSON object {\"text\": \"...\"}");
        return Optional.empty();
      }
      return Optional.of(node.get("text").asText());
    } catch (JsonProcessingException e) {
      Json.problem(resp, "invalid-note", "Invalid note", 400, "body is not valid JSON");
      return Optional.empty();
    }
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String path = req.getPathInfo();
    if (path == null || "/".equals(path)) {
      Json.send(resp, 200, Map.of("notes", notes.list(), "count", notes.count()));
      return;
    }
    OptionalLong id = parseId(path);
    Optional<Note> note = id.isPresent() ? notes.find(id.getAsLong()) : Optional.empty();
    if (note.isEmpty()) {
      Json.problem(resp, "not-found", "Note not found", 404, "no note " + safe(path));
      return;
    }
    Json.send(resp, 200, note.get());
  }

  @Override
  protected void doDelete(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    OptionalLong id = parseId(req.getPathInfo());
    if (id.isEmpty() || !notes.delete(id.getAsLong())) {
      Json.problem(resp, "not-found", "Note not found", 404, "no note " + safe(req.getPathInfo()));
      return;
    }
    resp.setStatus(204);
  }

  private static OptionalLong parseId(String path) {
    if (path == null || path.length() < 2 || path.length() > 20) {
      return OptionalLong.empty();
    }
    String digits = path.substring(1);
    for (int i = 0; i < digits.length(); i++) {
      if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
        return OptionalLong.empty();
      }
    }
    return OptionalLong.of(Long.parseLong(digits));
  }

  private static String safe(String path) {
    String p = path == null ? "" : path;
    return p.length() > 40 ? p.substring(0, 40) + "..." : p.replaceAll("[^\\x20-\\x7e]", "?");
  }
}
