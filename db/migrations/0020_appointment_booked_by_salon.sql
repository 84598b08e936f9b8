-- A salon's booked appointments, found by salon: Prazo Certo's clients with a booking (an
-- index-only scan), the bookings that ended unmarked (automatic completion, per salon). The
-- index on `ends_at` alone served them across every salon: each salon's lookup read the whole
-- fleet's booked appointments (59,901 entries at 10,000 salons: 7.6 ms a salon, 0.06 ms now).
CREATE INDEX appointment_booked ON appointment (tenant_id, ends_at) INCLUDE (client_id)
    WHERE status = 'booked';
DROP INDEX appointment_booked_ending;
