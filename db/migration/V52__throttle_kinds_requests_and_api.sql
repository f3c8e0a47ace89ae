-- V39 (trainings on request) and V50 (figures API) were written side by side and each replaced the throttle's
-- kind check with its own new kind; V50 ran last and left TRAINING_REQUEST out. One check with every kind.
alter table security.throttle_event drop constraint throttle_event_kind_check;
alter table security.throttle_event add constraint throttle_event_kind_check
    check (kind in ('LOGIN', 'SIGN_IN_LINK', 'VERIFY', 'TRAINING_REQUEST', 'API'));
