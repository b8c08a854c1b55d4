package dev.tdeveloper.backend.postgres.journal;

import dev.tdeveloper.backend.postgres.internal.Jdbc;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.provision.LifecycleOperation;
import dev.tdeveloper.tenancy.spi.SagaRecord;
import dev.tdeveloper.tenancy.spi.SagaState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The mapping of a {@link SagaRecord} to a row of {@link PostgresProvisioningJournal}. */
final class SagaRows {
  private SagaRows() {}

  /** The rules of tenancy-core's journals: same saga identity, not terminal yet. */
  static void checkReplace(SagaRecord previous, SagaRecord next) {
    boolean sameSaga =
        previous.tenantId().equals(next.tenantId())
            && previous.operation() == next.operation()
            && previous.steps().equals(next.steps())
            && previous.startedAt().equals(next.startedAt());
    if (!sameSaga) {
      throw new IllegalArgumentException(
          "saga "
              + next.sagaId()
              + " is recorded as "
              + previous.operation()
              + " of tenant '"
              + previous.tenantId()
              + "' started "
              + previous.startedAt()
              + "; a record for "
              + next.operation()
              + " of tenant '"
              + next.tenantId()
              + "' cannot replace it");
    }
    if (previous.state().isTerminal()) {
      throw new IllegalStateException(
          "saga " + next.sagaId() + " is already " + previous.state() + "; it cannot be updated");
    }
  }

  static void bind(Connection connection, PreparedStatement s, SagaRecord r) throws SQLException {
    s.setString(1, r.sagaId());
    s.setString(2, r.operation().name());
    s.setString(3, r.tenantId().value());
    s.setArray(4, connection.createArrayOf("text", r.steps().toArray()));
    s.setInt(5, r.completed());
    Jdbc.setText(s, 6, r.activeStep());
    s.setString(7, r.state().name());
    s.setArray(8, connection.createArrayOf("text", r.data().keySet().toArray()));
    s.setArray(9, connection.createArrayOf("text", r.data().values().toArray()));
    Jdbc.setText(s, 10, r.reason());
    Jdbc.setText(s, 11, r.failedStep());
    Jdbc.setText(s, 12, r.failure());
    s.setArray(13, connection.createArrayOf("text", r.compensationFailures().toArray()));
    Jdbc.setInstant(s, 14, r.startedAt());
    Jdbc.setInstant(s, 15, r.updatedAt());
    s.setBoolean(16, r.state().isTerminal());
  }

  static SagaRecord decode(ResultSet row) throws SQLException {
    try {
      return decodeRow(row);
    } catch (IllegalArgumentException e) {
      throw new SQLException("a row is not a valid saga record: " + e.getMessage(), "XX001", e);
    }
  }

  private static SagaRecord decodeRow(ResultSet row) throws SQLException {
    String[] keys = (String[]) row.getArray(8).getArray();
    String[] values = (String[]) row.getArray(9).getArray();
    Map<String, String> data = new LinkedHashMap<>();
    for (int i = 0; i < keys.length; i++) {
      data.put(keys[i], values[i]);
    }
    return new SagaRecord(
        row.getString(1),
        LifecycleOperation.valueOf(row.getString(2)),
        TenantId.of(row.getString(3)),
        Arrays.asList((String[]) row.getArray(4).getArray()),
        row.getInt(5),
        Optional.ofNullable(row.getString(6)),
        SagaState.valueOf(row.getString(7)),
        data,
        Optional.ofNullable(row.getString(10)),
        Optional.ofNullable(row.getString(11)),
        Optional.ofNullable(row.getString(12)),
        Arrays.asList((String[]) row.getArray(13).getArray()),
        Jdbc.requiredInstant(row, 14),
        Jdbc.requiredInstant(row, 15));
  }
}
