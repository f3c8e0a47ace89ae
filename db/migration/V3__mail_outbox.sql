-- Transactional mail outbox: a mail is a row written in the same transaction as the change that
-- causes it, and MailDispatcher delivers it afterwards. Without SMTP the table is the dev mailbox.

create table mail_outbox (
    id              bigint generated always as identity primary key,
    recipient       text        not null check (recipient ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
    subject         text        not null check (length(trim(subject)) > 0),
    body_text       text        not null,
    body_html       text,
    attachment_name text,
    attachment_type text,
    attachment      bytea,
    status          text        not null default 'PENDING' check (status in ('PENDING', 'SENT', 'FAILED')),
    attempts        int         not null default 0 check (attempts >= 0),
    next_attempt_at timestamptz not null,
    last_error      text,
    created_at      timestamptz not null default now(),
    sent_at         timestamptz,
    delivered_to    text        check (delivered_to in ('SMTP', 'DEV_MAILBOX')),
    -- An attachment is all three columns or none.
    check ((attachment is null) = (attachment_name is null) and (attachment is null) = (attachment_type is null)),
    check ((status = 'SENT') = (sent_at is not null and delivered_to is not null))
);
-- The dispatcher's query: due PENDING mails, oldest first.
create index mail_outbox_due_idx on mail_outbox (status, next_attempt_at);
