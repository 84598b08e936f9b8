-- The IANA zones PostgreSQL knows, copied once (reading pg_timezone_names costs ~40 ms a scan):
-- the sender's claim checks a salon's zone here, so one tenant row with an unknown zone (written
-- by another service) holds only that salon's marketing instead of failing every salon's sends.
CREATE TABLE known_time_zone (name text PRIMARY KEY);
INSERT INTO known_time_zone (name) SELECT DISTINCT name FROM pg_timezone_names;
