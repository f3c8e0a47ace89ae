package nl.omzien.certificates.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import nl.omzien.base.InvalidInputException;
import nl.omzien.base.ui.FormErrors;
import nl.omzien.base.ui.HasTitleKey;
import nl.omzien.base.ui.ListSearch;
import nl.omzien.base.ui.TapList;
import nl.omzien.certificates.Certificate;
import nl.omzien.certificates.CertificateLogoService;
import nl.omzien.certificates.CertificateService;
import nl.omzien.certificates.CertificateStatus;
import nl.omzien.people.Municipality;
import nl.omzien.people.MunicipalityService;
import nl.omzien.security.Role;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;

/**
 * Certificates for staff: an admin sees all, a coalition lead their municipality's. Revoke with a
 * reason, or re-issue (new code, old one revoked). The service checks role and municipality again.
 */
@Route("certificaten")
@Menu(order = 38, title = "admin-certificates.title", icon = "DIPLOMA")
@RolesAllowed({Role.ADMIN_ROLE, Role.LEAD_ROLE})
public class CertificatesAdminView extends VerticalLayout implements HasTitleKey, BeforeEnterObserver {

    private final CertificateService certificates;
    private final CertificateLogoService logos;
    private final MunicipalityService municipalities;
    private final Grid<Certificate> grid = new Grid<>();
    private final TapList<Certificate> list;
    private final DateTimeFormatter date;
    private final ListSearch search = new ListSearch("certificate-search", getTranslation("admin-certificates.search"), this::refresh);

    public CertificatesAdminView(CertificateService certificates, CertificateLogoService logos, MunicipalityService municipalities) {
        this.certificates = certificates;
        this.logos = logos;
        this.municipalities = municipalities;
        addClassName("certificates-admin");
        setSizeFull();
        date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        grid.addColumn(CertificatesAdminView::holder).setHeader(getTranslation("admin-certificates.holder")).setAutoWidth(true);
        grid.addColumn(c -> c.pathTitle().in(getLocale())).setHeader(getTranslation("admin-certificates.path")).setAutoWidth(true);
        grid.addComponentColumn(c -> new StatusBadge(c.status())).setHeader(getTranslation("admin-certificates.status")).setAutoWidth(true);
        grid.addColumn(Certificate::code).setHeader(getTranslation("admin-certificates.code")).setAutoWidth(true);
        grid.addColumn(this::issued)
                .setHeader(getTranslation("admin-certificates.issued")).setAutoWidth(true);
        // Kept in view at the right edge: on a phone "Opnieuw uitgeven" was off-screen behind the other columns.
        grid.addComponentColumn(this::actions).setKey("actions").setAutoWidth(true).setFrozenToEnd(true);
        grid.setSizeFull();
        grid.setMinHeight("20rem");
        grid.addClassName("wide-only");
        grid.setAriaLabel(getTranslation("admin-certificates.title"));
        // On a phone: one column; a tap opens the certificate with its actions.
        list = new TapList<Certificate>("certificate-list", getTranslation("admin-certificates.title"), CertificatesAdminView::holder,
                c -> List.of(c.pathTitle().in(getLocale()),
                        getTranslation("admin-certificates.list.meta", getTranslation("certificates.status." + c.status().name()),
                                c.code(), issued(c))))
                .onTap(this::details).itemIds(c -> "certificate-item-" + c.code());
        add(search, grid, list);
    }

    /** On every visit, also to a reused view: the certificates, and the logo panel for the municipalities as they are now. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        getChildren().filter(LogoPanel.class::isInstance).toList().forEach(this::remove);
        List<Municipality> visible = municipalities.visible();
        if (!visible.isEmpty()) {
            addComponentAsFirst(new LogoPanel(logos, visible));
        }
        refresh();
    }

    private void refresh() {
        List<Certificate> managed = certificates.managed().stream().filter(c -> search.matches(c.holderName(), c.code(),
                c.pathTitle().in(getLocale()), c.organisationName(), c.municipalityName(),
                getTranslation("certificates.status." + c.status().name()))).toList();
        grid.setItems(managed);
        list.setItems(managed);
    }

    private static String holder(Certificate c) {
        return c.holderName() == null ? "–" : c.holderName();
    }

    private String issued(Certificate c) {
        return date.format(c.issuedAt().atZoneSameInstant(ZoneId.of("Europe/Amsterdam")));
    }

    /** What a grid row shows, as a dialog on a phone, with the same actions. */
    private void details(Certificate certificate) {
        Dialog dialog = new Dialog(holder(certificate));
        dialog.setId("certificate-details");
        Paragraph facts = new Paragraph(certificate.pathTitle().in(getLocale()));
        facts.setId("certificate-details-path");
        Paragraph meta = new Paragraph(getTranslation("admin-certificates.list.meta",
                getTranslation("certificates.status." + certificate.status().name()), certificate.code(), issued(certificate)));
        HorizontalLayout actions = actions(certificate);
        actions.setWrap(true);
        actions.getChildren().forEach(action -> {
            // The grid's buttons carry the plain ids; ids stay unique on the page.
            action.getId().ifPresent(id -> action.setId("details-" + id));
            action.getElement().addEventListener("click", click -> dialog.close());
        });
        dialog.add(facts, meta, actions);
        dialog.getFooter().add(new Button(getTranslation("action.close"), click -> dialog.close()));
        dialog.setWidth("min(30rem, 100vw)");
        dialog.open();
    }

    private HorizontalLayout actions(Certificate certificate) {
        HorizontalLayout actions = new HorizontalLayout();
        if (certificate.status() == CertificateStatus.VALID || certificate.status() == CertificateStatus.EXPIRED) {
            Button revoke = new Button(getTranslation("admin-certificates.revoke"), click -> ask(certificate, false));
            revoke.setId("revoke-" + certificate.code());
            revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
            Button reissue = new Button(getTranslation("admin-certificates.reissue"), click -> ask(certificate, true));
            reissue.setId("reissue-" + certificate.code());
            reissue.addThemeVariants(ButtonVariant.LUMO_SMALL);
            actions.add(revoke, reissue);
        }
        return actions;
    }

    private void ask(Certificate certificate, boolean reissue) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation(reissue ? "admin-certificates.reissue.title" : "admin-certificates.revoke.title", certificate.code()));
        TextArea reason = new TextArea(getTranslation("admin-certificates.reason"));
        reason.setHelperText(getTranslation("admin-certificates.reason.helper"));
        reason.setMaxLength(CertificateService.MAX_REASON_LENGTH);
        reason.setWidthFull();
        reason.setId("certificate-reason");
        dialog.add(reason);
        Button confirm = new Button(getTranslation(reissue ? "admin-certificates.reissue" : "admin-certificates.revoke"), click -> {
            try {
                if (reissue) {
                    Certificate fresh = certificates.reissue(certificate.id(), reason.getValue());
                    FormErrors.saved(getTranslation("admin-certificates.reissued", fresh.code()));
                } else {
                    certificates.revoke(certificate.id(), reason.getValue());
                    FormErrors.saved(getTranslation("admin-certificates.revoked"));
                }
                dialog.close();
                refresh();
            } catch (InvalidInputException e) {
                FormErrors.show(e, Map.of("reason", reason));
            }
        });
        confirm.setId("certificate-confirm");
        confirm.addThemeVariants(reissue ? ButtonVariant.LUMO_PRIMARY : ButtonVariant.LUMO_ERROR);
        confirm.setDisableOnClick(true);
        confirm.addClickListener(click -> confirm.setEnabled(true));
        Button cancel = new Button(getTranslation("admin-certificates.cancel"), click -> dialog.close());
        dialog.getFooter().add(cancel, confirm);
        dialog.open();
    }

    @Override
    public String titleKey() {
        return "admin-certificates.title";
    }
}
