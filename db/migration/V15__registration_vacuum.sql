-- Registrations of a session being booked change status many times a minute (sign-ups, cancellations,
-- offers). Left to the default (vacuum after 20% of the table changed), their dead versions pile up in
-- the indexes a sign-up checks (one live place per person), and each check steps over them. Vacuumed
-- after 1% (at least 500 rows) instead; see bench/README.md.
alter table registration set (autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_threshold = 500,
                              autovacuum_analyze_scale_factor = 0.02);
alter table session_seat_state set (autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_threshold = 500);
