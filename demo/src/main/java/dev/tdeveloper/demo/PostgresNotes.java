package dev.tdeveloper.demo;

import dev.tdeveloper.backend.postgres.TenantDataSource;
import dev.tdeveloper.backend.postgres.TenantStorage;
import dev.tdeveloper.backend.postgres.TenantTable;
import dev.tdeveloper.demo.notes.Note;
import dev.tdeveloper.demo.notes.Notes;
import dev.tdeveloper.demo.notes.NotesException;
import dev.tdeveloper.tenancy.IsolationMode;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.context.TenantContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The tenants' notes in PostgreSQL ({@code --postgres}), shared by every instance: each statement
 * runs on a {@link TenantDataSource} connection bound to the tenant of {@link TenantContext}, so
 * row-level security (ROW and SCHEMA modes) or the tenant's own database (DATABASE mode) keeps
 * every other tenant's notes out of reach. Ids count from 1 per tenant, never reused, from a
 * per-tenant counter row updated in the note's own transaction. Notes are stored as text, not
 * envelope-encrypted: the tenants' keys live in each instance's local key store, which another
 * instance cannot read (see the demo README). Thread-safe.
 */
final class PostgresNotes implements Notes {
  static final String NOTES_TABLE = "demo_notes";
  static final String IDS_TABLE = "demo_note_ids";

  private static final String COLUMNS = "id, created_seconds, created_nanos, author, body";

  private final TenantStorage storage;
  private final TenantDataSource data;
  private final DataSource admin;
  private final InstantSource clock;

  PostgresNotes(
      TenantStorage storage, TenantDataSource data, DataSource admin, InstantSource clock) {
    this.storage = Objects.requireNonNull(storage, "storage");
    this.data = Objects.requireNonNull(data, "data");
    this.admin = Objects.requireNonNull(admin, "admin");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The tables each tenant gets; in ROW mode their keys lead with the tenant column. */
  static List<TenantTable> tables(IsolationMode mode) {
    String tenant = mode == IsolationMode.ROW ? TenantTable.TENANT_COLUMN + ", " : "";
    return List.of(
        TenantTable.of(
            NOTES_TABLE,
            "id bigint NOT NULL, created_seconds bigint NOT NULL, created_nanos integer NOT NULL,"
                + " author text, body text NOT NULL, PRIMARY KEY ("
                + tenant
                + "id)"),
        TenantTable.of(
            IDS_TABLE,
            "one boolean NOT NULL DEFAULT true CHECK (one), last_id bigint NOT NULL,"
                + " PRIMARY KEY ("
                + tenant
                + "one)"));
  }

  @Override
  public boolean createSpace(TenantId tenant) {
    boolean existed = hasSpace(tenant);
    storage.provision(tenant);
    return !existed;
  }

  /** Evicts the tenant's pool in DATABASE mode; its notes stay in the database. */
  @Override
  public void closeSpace(TenantId tenant) {
    if (data.mode() == IsolationMode.DATABASE) {
      data.evict(tenant);
    }
  }

  @Override
  public void dropSpace(TenantId tenant) {
    closeSpace(tenant);
    storage.drop(tenant);
  }

  /** Whether the tenant's storage is provisioned (asked as the administrator). */
  @Override
  public boolean hasSpace(TenantId tenant) {
    String sql =
        data.mode() == IsolationMode.DATABASE
            ? "SELECT 1 FROM pg_database WHERE datname = ?"
            : "SELECT 1 FROM tenancy.tenant_keys WHERE tenant_id = ?";
    String name =
        data.mode() == IsolationMode.DATABASE ? storage.storageName(tenant) : tenant.value();
    try (Connection c = admin.getConnection();
        PreparedStatement query = c.prepareStatement(sql)) {
      query.setString(1, name);
      try (ResultSet row = query.executeQuery()) {
        return row.next();
      }
    } catch (SQLException e) {
      throw new NotesException("cannot check the notes space of tenant " + tenant.value(), e);
    }
  }

  @Override
  public Note create(String text, Optional<String> author) {
    Instant now = clock.instant();
    new Note(1, text, now, author); // validates text and author before anything is written
    return inTransaction(
        "create a note",
        c -> {
          long id;
          try (PreparedStatement next =
                  c.prepareStatement(
                      "INSERT INTO "
                          + IDS_TABLE
                          + " (last_id) VALUES (1) ON CONFLICT ON CONSTRAINT "
                          + IDS_TABLE
                          + "_pkey DO UPDATE SET last_id = "
                          + IDS_TABLE
                          + ".last_id + 1 RETURNING last_id");
              ResultSet row = next.executeQuery()) {
            row.next();
            id = row.getLong(1);
          }
          Note note = new Note(id, text, now, author);
          try (PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO " + NOTES_TABLE + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?)")) {
            insert.setLong(1, id);
            insert.setLong(2, now.getEpochSecond());
            insert.setInt(3, now.getNano());
            insert.setString(4, author.orElse(null));
            insert.setString(5, text);
            insert.executeUpdate();
          }
          return note;
        });
  }

  @Override
  public List<Note> list() {
    return inTransaction(
        "list notes",
        c -> select(c, "SELECT " + COLUMNS + " FROM " + NOTES_TABLE + " ORDER BY id", null));
  }

  @Override
  public Optional<Note> find(long id) {
    return inTransaction(
        "read a note",
        c ->
            select(c, "SELECT " + COLUMNS + " FROM " + NOTES_TABLE + " WHERE id = ?", id).stream()
                .findFirst());
  }

  @Override
  public boolean delete(long id) {
    return inTransaction(
        "delete a note",
        c -> {
          try (PreparedStatement delete =
              c.prepareStatement("DELETE FROM " + NOTES_TABLE + " WHERE id = ?")) {
            delete.setLong(1, id);
            return delete.executeUpdate() == 1;
          }
        });
  }

  @Override
  public int count() {
    return inTransaction(
        "count notes",
        c -> {
          try (PreparedStatement count = c.prepareStatement("SELECT count(*) FROM " + NOTES_TABLE);
              ResultSet row = count.executeQuery()) {
            row.next();
            return row.getInt(1);
          }
        });
  }

  /**
   * Changes or deletes the author's notes in one transaction, locking them first. PostgreSQL keeps
   * superseded row versions until (auto)vacuum reclaims them.
   */
  @Override
  public int rewriteByAuthor(String author, Function<Note, Optional<Note>> change) {
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(change, "change");
    return inTransaction(
        "rewrite notes by author",
        c -> {
          List<Note> mine = new ArrayList<>();
          try (PreparedStatement query =
              c.prepareStatement(
                  "SELECT "
                      + COLUMNS
                      + " FROM "
                      + NOTES_TABLE
                      + " WHERE author = ? ORDER BY id FOR UPDATE")) {
            query.setString(1, author);
            try (ResultSet rows = query.executeQuery()) {
              while (rows.next()) {
                mine.add(note(rows));
              }
            }
          }
          for (Note note : mine) {
            Optional<Note> replacement = change.apply(note);
            if (replacement.isPresent()
                && (replacement.get().id() != note.id()
                    || !replacement.get().createdAt().equals(note.createdAt()))) {
              throw new IllegalArgumentException(
                  "a replacement must keep the note's id and creation time");
            }
            try (PreparedStatement write =
                c.prepareStatement(
                    replacement.isEmpty()
                        ? "DELETE FROM " + NOTES_TABLE + " WHERE id = ?"
                        : "UPDATE " + NOTES_TABLE + " SET author = ?, body = ? WHERE id = ?")) {
              if (replacement.isEmpty()) {
                write.setLong(1, note.id());
              } else {
                write.setString(1, replacement.get().author().orElse(null));
                write.setString(2, replacement.get().text());
                write.setLong(3, note.id());
              }
              write.executeUpdate();
            }
          }
          return mine.size();
        });
  }

  private static List<Note> select(Connection c, String sql, Long id) throws SQLException {
    try (PreparedStatement query = c.prepareStatement(sql)) {
      if (id != null) {
        query.setLong(1, id);
      }
      List<Note> notes = new ArrayList<>();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          notes.add(note(rows));
        }
      }
      return notes;
    }
  }

  private static Note note(ResultSet row) throws SQLException {
    return new Note(
        row.getLong(1),
        row.getString(5),
        Instant.ofEpochSecond(row.getLong(2), row.getInt(3)),
        Optional.ofNullable(row.getString(4)));
  }

  /** A unit of work on the current tenant's connection, committed if {@code work} returns. */
  private <T> T inTransaction(String what, Work<T> work) {
    TenantId tenant = TenantContext.require();
    try (Connection c = data.getConnection()) {
      c.setAutoCommit(false);
      T result = work.run(c);
      c.commit();
      return result;
    } catch (SQLException e) {
      throw new NotesException("cannot " + what + " of tenant " + tenant.value(), e);
    }
  }

  @FunctionalInterface
  private interface Work<T> {
    T run(Connection connection) throws SQLException;
  }
}
