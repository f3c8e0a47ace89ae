/**
 * Sign-in (passwords for staff with a second factor, remember-me, sign out everywhere), roles and the current user.
 *
 * <p>Owns, in PostgreSQL schema {@code security} (jOOQ classes in {@code nl.omzien.security.internal.db}):
 * throttle_event (the one throttle, see Throttle), staff_totp, staff_recovery_code, remember_me_token, signed_out_everywhere,
 * provider_identity and password_switched_off (sign-in through an organisation's identity provider, decision 029). Accounts
 * themselves are the people feature's: security reads them through {@link nl.omzien.security.Accounts}
 * (implemented there), since people depends on security and not the other way round.
 */
package nl.omzien.security;
