-- Issue 17: a mail is marked as being sent, in its own committed transaction, before the SMTP call, and marked
-- sent in another one after it. A dispatcher that dies in between leaves only that one row "being sent"; another
-- dispatcher takes it again only after a generous timeout (omzien.mail.sending-timeout), so a crash repeats at
-- most the one mail that was on the wire instead of a whole batch.
alter table mail_outbox add column sending_since timestamptz;
alter table mail_outbox add constraint mail_outbox_sending_only_while_pending
    check (sending_since is null or status = 'PENDING');
