-- E-mail changes mail a typed address (counted per address, EMAIL_CHANGE); flyer codes can be guessed (wrong codes
-- counted per network, INVITE_CODE).
alter table security.throttle_event drop constraint throttle_event_kind_check;
alter table security.throttle_event add constraint throttle_event_kind_check
    check (kind in ('LOGIN', 'SIGN_IN_LINK', 'VERIFY', 'TRAINING_REQUEST', 'API', 'EMAIL_CHANGE', 'INVITE_CODE'));
