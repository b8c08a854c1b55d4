package dev.tdeveloper.backend.postgres.journal;

import dev.tdeveloper.backend.postgres.internal.Jdbc;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.migration.MigrationPhase;
import dev.tdeveloper.tenancy.migration.MigrationPlan;
import dev.tdeveloper.tenancy.migration.MigrationState;
import dev.tdeveloper.tenancy.routing.ShardId;
import dev.tdeveloper.tenancy.spi.Checksum;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/** The mapping of a {@link MigrationState} to a row of {@link PostgresMigrationJournal}. */
final class MigrationRows {
  private MigrationRows() {}

  static void bind(PreparedStatement s, MigrationState state) throws SQLException {
    MigrationPlan plan = state.plan();
    s.setObject(1, plan.id());
    s.setString(2, plan.tenant().value());
    s.setString(3, plan.source().value());
    s.setString(4, plan.target().value());
    s.setString(5, plan.sourceStore());
    s.setString(6, plan.targetStore());
    s.setLong(7, plan.recordCount());
    s.setLong(8, plan.sourceChecksum().count());
    s.setString(9, plan.sourceChecksum().sha256());
    s.setBoolean(10, plan.overwriteTarget());
    Jdbc.setInstant(s, 11, plan.plannedAt());
    s.setString(12, state.phase().name());
    Jdbc.setText(s, 13, state.lastCopiedKey());
    s.setLong(14, state.copiedRecords());
    Jdbc.setInstant(s, 15, state.updatedAt());
    Jdbc.setText(s, 16, state.failure());
    s.setBoolean(17, state.phase().isTerminal());
  }

  static MigrationState decode(ResultSet row) throws SQLException {
    MigrationPlan plan =
        new MigrationPlan(
            row.getObject(1, UUID.class),
            TenantId.of(row.getString(2)),
            ShardId.of(row.getString(3)),
            ShardId.of(row.getString(4)),
            row.getString(5),
            row.getString(6),
            row.getLong(7),
            new Checksum(row.getLong(8), row.getString(9)),
            row.getBoolean(10),
            Jdbc.requiredInstant(row, 11));
    return new MigrationState(
        plan,
        MigrationPhase.valueOf(row.getString(12)),
        Optional.ofNullable(row.getString(13)),
        row.getLong(14),
        Jdbc.requiredInstant(row, 15),
        Optional.ofNullable(row.getString(16)));
  }
}
