package nl.omzien.security;

/** This feature's part of the demo story ({@code nl.omzien.demo.DemoData}); writes only this feature's tables. */
public interface SecurityDemo {

    /** The demo admin's authenticator app, with the secret the README publishes; once. */
    void authenticatorForTheDemoAdmin();
}
