package nl.omzien.load;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Gives every virtual user its own participant account (load-00001@load.example …), in the organisation and
 * with the password hash of the demo participant, written straight into the app's database before the run:
 * the accounts are test fixtures, not something the app offers. Accounts that exist are left alone.
 */
final class AccountSeeder {

    static final String TEMPLATE = System.getProperty("templateAccount", "deelnemer@omzien.example");

    static String email(String prefix, int n) {
        return String.format("%s%05d@load.example", prefix, n);
    }

    static void ensureAccounts(String prefix, int count) {
        String url = System.getProperty("dbUrl");
        if (url == null) {
            System.err.println("No -DdbUrl: using accounts as they are");
            return;
        }
        try (Connection db = DriverManager.getConnection(url, System.getProperty("dbUser", "postgres"),
                System.getProperty("dbPassword", ""))) {
            try (PreparedStatement insert = db.prepareStatement("""
                    with template as (select organisation_id, password_hash, audience from people.app_user
                                      where lower(email) = lower(?))
                    insert into people.app_user (email, full_name, password_hash, organisation_id, audience)
                    select ?, ?, password_hash, organisation_id, audience from template
                    on conflict do nothing""");
                 PreparedStatement role = db.prepareStatement("""
                    insert into people.user_role (user_id, role)
                    select id, 'PARTICIPANT' from people.app_user where lower(email) = lower(?)
                    on conflict do nothing""")) {
                for (int n = 1; n <= count; n++) {
                    insert.setString(1, TEMPLATE);
                    insert.setString(2, email(prefix, n));
                    insert.setString(3, "Load Gebruiker " + n);
                    insert.addBatch();
                    role.setString(1, email(prefix, n));
                    role.addBatch();
                }
                insert.executeBatch();
                role.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the load-test accounts", e);
        }
    }

    private AccountSeeder() {
    }
}
