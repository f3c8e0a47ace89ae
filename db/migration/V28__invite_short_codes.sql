-- Issue 16: the flyer's fallback for whoever cannot scan was the 43-character link, which nobody can type.
-- Each organisation invite also gets a short code: 8 letters and digits without look-alikes (no 0/O, 1/I),
-- printed in two groups of four, that leads to the same invite (/code/K7Q3-M9XP). Replacing the link
-- replaces the code too. 32^8 codes: guessing one only reaches a form whose registrations count nowhere
-- until the address is confirmed (decision 010).
create function onboarding.new_invite_short_code() returns text language sql volatile as $$
    select string_agg(substr('23456789ABCDEFGHJKLMNPQRSTUVWXYZ', 1 + floor(random() * 32)::int, 1), '')
      from generate_series(1, 8)
$$;

alter table onboarding.organisation_invite
    add column short_code text not null unique default onboarding.new_invite_short_code()
        check (short_code ~ '^[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{8}$');
