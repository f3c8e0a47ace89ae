-- Issue 20, part C: the public training request form is throttled per IP address by the one throttle (decision 024).
alter table security.throttle_event drop constraint throttle_event_kind_check;
alter table security.throttle_event add constraint throttle_event_kind_check
    check (kind in ('LOGIN', 'SIGN_IN_LINK', 'VERIFY', 'TRAINING_REQUEST'));
