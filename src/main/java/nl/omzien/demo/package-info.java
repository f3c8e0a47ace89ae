/**
 * The demo story: what a newcomer finds on a first start, told in order by {@link nl.omzien.demo.DemoData}.
 * On when {@code omzien.demo-data} is (the default; off in the {@code prod} profile). Every feature writes its
 * own part through its {@code *Demo} interface and own tables; what a later part needs from an earlier one
 * (ids, names, e-mail addresses) is handed on as {@link nl.omzien.people.DemoPeople} and
 * {@link nl.omzien.sessions.DemoSessions}. Depends on every feature it tells about; none depends on it.
 */
package nl.omzien.demo;
