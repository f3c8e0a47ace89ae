-- A queued mail (text, HTML and a calendar file: a few KB) stays in its row uncompressed instead of being
-- compressed into the TOAST table: every sign-up and cancellation writes one, and compressing it was most
-- of the cost of that insert (bench/README.md). Rows are sent within seconds and are few.
alter table mail_outbox set (toast_tuple_target = 8160);
