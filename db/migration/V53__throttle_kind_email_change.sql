-- E-mail changes mail a typed address: the throttle counts them per address (kind EMAIL_CHANGE).
alter table security.throttle_event drop constraint throttle_event_kind_check;
alter table security.throttle_event add constraint throttle_event_kind_check
    check (kind in ('LOGIN', 'SIGN_IN_LINK', 'VERIFY', 'TRAINING_REQUEST', 'API', 'EMAIL_CHANGE'));
