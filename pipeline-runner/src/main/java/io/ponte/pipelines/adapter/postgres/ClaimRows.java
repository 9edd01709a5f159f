package io.ponte.pipelines.adapter.postgres;

import io.ponte.pipelines.spi.RunClaim;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Run claims, in the {@code owner} and {@code lease_until} columns of {@code pipeline_run} (V2).
 * A claim is one conditional {@code UPDATE … RETURNING}: PostgreSQL locks the row and re-checks the
 * condition on the newest version, so of two runners claiming a free run at once exactly one gets
 * it. Neither statement touches the run's revision.
 */
final class ClaimRows {

    /** Granted when nobody holds the run, the claimant already does, or the claim ended by {@code now}. */
    private static final String CLAIM = "UPDATE pipeline_run SET owner = ?, lease_until = ?"
            + " WHERE id = ? AND (owner IS NULL OR owner = ? OR lease_until IS NULL OR lease_until <= ?)"
            + " RETURNING owner, lease_until";

    private static final String HOLDER = "SELECT owner, lease_until FROM pipeline_run WHERE id = ?";

    private static final String RELEASE =
            "UPDATE pipeline_run SET owner = NULL, lease_until = NULL WHERE id = ? AND owner = ?";

    /** Outcome of one claim attempt. */
    sealed interface Outcome {
        /** The claim as stored (granted, or the other holder's). */
        record Stored(RunClaim claim) implements Outcome {}

        /** No such run. */
        record NoRun() implements Outcome {}

        /** The holder changed between the update and the read (released or ended): try again. */
        record Changed() implements Outcome {}
    }

    private ClaimRows() {}

    static Outcome claim(Connection c, String runId, String owner, Instant now, Instant until) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(CLAIM)) {
            ps.setString(1, owner);
            ps.setTimestamp(2, Timestamp.from(until));
            ps.setString(3, runId);
            ps.setString(4, owner);
            ps.setTimestamp(5, Timestamp.from(now));
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return new Outcome.Stored(read(rs));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement(HOLDER)) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return new Outcome.NoRun();
                }
                String holder = rs.getString("owner");
                Timestamp end = rs.getTimestamp("lease_until");
                boolean claimable = holder == null
                        || holder.equals(owner)
                        || end == null
                        || !end.toInstant().isAfter(now);
                return claimable ? new Outcome.Changed() : new Outcome.Stored(read(rs));
            }
        }
    }

    static void release(Connection c, String runId, String owner) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(RELEASE)) {
            ps.setString(1, runId);
            ps.setString(2, owner);
            ps.executeUpdate();
        }
    }

    private static RunClaim read(ResultSet rs) throws SQLException {
        return new RunClaim(
                rs.getString("owner"), rs.getTimestamp("lease_until").toInstant());
    }
}
