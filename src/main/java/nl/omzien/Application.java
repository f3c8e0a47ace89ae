package nl.omzien;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.theme.lumo.Lumo;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Omzien: training for people who notice loneliness. Styles come from static resources
 * (no custom frontend build), so the build uses Vaadin's pre-compiled bundle and needs no Node.
 */
@SpringBootApplication
@EnableScheduling
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles/omzien.css")
@Meta(name = "theme-color", content = "#1f5f8b")
public class Application implements AppShellConfigurator {

    /** A tab icon of our own instead of the browser's blank page. */
    @Override
    public void configurePage(com.vaadin.flow.server.AppShellSettings settings) {
        settings.addFavIcon("icon", "icons/omzien.svg", "any");
    }

    public static void main(String[] args) {
        SpringApplication.run(Application.class, args);
    }
}
