-- A certificate is issued in the completing transaction; its PDF is rendered and mailed after that
-- commits, and retried when rendering fails (a broken logo must not undo a learner's completion).
-- Pending = no pdf_sha256 yet. An erased PDF (deleted account) keeps its hash for /verify.
alter table certificates.certificate alter column pdf_sha256 drop not null;
alter table certificates.certificate add column pdf_attempts int not null default 0;
alter table certificates.certificate add column pdf_next_attempt_at timestamptz;
alter table certificates.certificate add column pdf_last_error text;
alter table certificates.certificate add constraint certificate_pdf_has_hash check (pdf is null or pdf_sha256 is not null);
create index certificate_pdf_pending_idx on certificates.certificate (pdf_next_attempt_at) where pdf_sha256 is null;
