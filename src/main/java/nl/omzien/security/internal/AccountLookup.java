package nl.omzien.security.internal;

import nl.omzien.security.Accounts;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds the account behind an e-mail address, for password and e-mail link sign-in. Accounts without
 * a password (participants who only use links) are found too; a password can never match them.
 */
@Component
class AccountLookup implements UserDetailsService {

    private final Accounts accounts;

    AccountLookup(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String email) {
        return accounts.byEmail(email).orElseThrow(() -> new UsernameNotFoundException("No account for this e-mail address"));
    }
}
