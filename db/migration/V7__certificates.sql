-- Certificates for completed learning paths. A certificate is never deleted: revocation and
-- supersession are statuses, so the verify page can always explain what happened to a code.

create table certificate (
    id                bigint generated always as identity primary key,
    -- OMZ-XXXX-XXXX-XXXX: 60 random bits in an alphabet without look-alikes (see VerificationCodes).
    code              text        not null check (code ~ '^OMZ-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$'),
    -- Null once the account is deleted: the record stays, the person does not.
    user_id           bigint      references app_user (id) on delete set null,
    path_id           text        not null,
    -- Validity period: 1 for the first certificate, +1 for each recertification.
    cycle             int         not null check (cycle >= 1),
    -- What the PDF says, frozen at issue: later renames do not change an issued certificate.
    holder_name       text        check (holder_name is null or length(trim(holder_name)) between 1 and 150),
    organisation_name text,
    municipality_id   bigint      references municipality (id),
    municipality_name text        not null,
    path_title_nl     text        not null,
    path_title_en     text        not null,
    completed_on      date        not null,
    issued_at         timestamptz not null,
    expires_at        timestamptz,
    session_id        bigint,
    status            text        not null default 'ISSUED' check (status in ('ISSUED', 'SUPERSEDED', 'REVOKED')),
    revoked_kind      text        check (revoked_kind in ('ACCOUNT_DELETED', 'BY_STAFF')),
    revoked_reason    text        check (revoked_reason is null or length(trim(revoked_reason)) between 3 and 500),
    revoked_at        timestamptz,
    revoked_by        bigint      references app_user (id) on delete set null,
    revoked_by_name   text,
    superseded_by     bigint      references certificate (id),
    pdf               bytea,
    pdf_sha256        text        not null check (pdf_sha256 ~ '^[0-9a-f]{64}$'),
    check ((status = 'REVOKED') = (revoked_kind is not null and revoked_at is not null)),
    check (revoked_kind is distinct from 'BY_STAFF' or revoked_reason is not null)
);
create unique index certificate_code_uk on certificate (code);
-- Exactly one live certificate per person, path and validity period; a revoked one may be re-issued.
create unique index certificate_one_per_period_uk on certificate (user_id, path_id, cycle) where status <> 'REVOKED';
create index certificate_user_idx on certificate (user_id, path_id);
create index certificate_municipality_idx on certificate (municipality_id, issued_at desc);

-- Group-session attendance as certificates see it: filled by the sessions feature through
-- CertificateService.attendanceRecorded, so paths that need attendance can complete.
create table certificate_attendance (
    user_id     bigint      not null references app_user (id) on delete cascade,
    session_id  bigint      not null,
    attended_at timestamptz not null,
    primary key (user_id, session_id)
);
