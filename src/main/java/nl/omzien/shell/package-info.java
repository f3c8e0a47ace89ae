/** The app shell: the layout with role-based navigation and the start page. Depends on every feature's API, none depends on it. */
package nl.omzien.shell;
