package nl.omzien.dashboard.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.NavigationTrigger;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import nl.omzien.base.ui.HasTitleKey;
import nl.omzien.dashboard.DashboardFilter;
import nl.omzien.dashboard.DashboardService;
import nl.omzien.dashboard.Granularity;
import nl.omzien.people.Municipality;
import nl.omzien.security.Role;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The coalition dashboard: headline figures for a period and municipality, breakdowns with charts
 * and tables, organisations and Omzien-partners, targets, what participants say, and downloads.
 * Thin: every figure and every check comes from {@link DashboardService}. The view owns the filters
 * and puts the sections together; each section is its own small class in this package, and
 * {@link DashboardFormat} writes their numbers and dates.
 */
@Route("dashboard")
@Menu(order = 39, title = "dashboard.title", icon = "CHART")
@RolesAllowed({Role.ADMIN_ROLE, Role.LEAD_ROLE})
public class DashboardView extends VerticalLayout implements BeforeEnterObserver, HasTitleKey {

    /**
     * The "all municipalities" choice of an admin: no municipality id, as {@code DashboardFilter} says "all"
     * (ids are positive, so 0 cannot stand for it). Told apart by identity.
     */
    static final Municipality ALL = new Municipality(null, "");

    enum Period { THIS_YEAR, LAST_YEAR, LAST_12, CUSTOM }

    private final DashboardService dashboard;
    private final nl.omzien.dashboard.PartnerService partners;
    private final Clock clock;
    final Select<Municipality> municipality = new Select<>();
    private final Select<Period> period = new Select<>();
    private final Select<YearMonth> from = new Select<>();
    private final Select<YearMonth> until = new Select<>();
    private final Checkbox publication = new Checkbox();
    private final Select<Granularity> granularity = new Select<>();
    private final Paragraph intro = new Paragraph();
    private final Div content = new Div();
    private boolean applyingPreset;
    private String shownLocation;
    private final DashboardFormat format;

    /** The campaign figures (issue 21) come from the campaigns feature. */
    private final nl.omzien.campaigns.CampaignService campaigns;
    private final nl.omzien.requests.TrainingRequestService requests;

    public DashboardView(DashboardService dashboard, Clock clock, nl.omzien.campaigns.CampaignService campaigns,
                         nl.omzien.dashboard.PartnerService partners, nl.omzien.requests.TrainingRequestService requests) {
        this.campaigns = campaigns;
        this.dashboard = dashboard;
        this.partners = partners;
        this.requests = requests;
        this.clock = clock;
        addClassName("dashboard");
        setWidthFull();
        format = new DashboardFormat(getLocale(), publication::getValue, getTranslation("dashboard.figure.none"));

        DashboardFilter initial = dashboard.defaultFilter();
        List<Municipality> choices = new ArrayList<>(dashboard.municipalities());
        boolean admin = initial.municipalityId() == null;
        if (admin) {
            choices.addFirst(ALL);
        }
        municipality.setId("dashboard-municipality");
        municipality.setLabel(getTranslation("dashboard.municipality"));
        municipality.setItems(choices);
        municipality.setItemLabelGenerator(m -> m == ALL ? getTranslation("dashboard.all-municipalities") : m.name());
        municipality.setValue(choices.isEmpty() ? null : choices.getFirst());
        municipality.setVisible(choices.size() > 1);

        period.setId("dashboard-period");
        period.setLabel(getTranslation("dashboard.period"));
        period.setItems(Period.values());
        period.setItemLabelGenerator(p -> getTranslation("dashboard.period." + p.name().toLowerCase().replace('_', '-')));
        period.setValue(Period.THIS_YEAR);

        List<YearMonth> months = new ArrayList<>();
        YearMonth now = YearMonth.now(clock);
        for (YearMonth m = now.plusMonths(12); !m.isBefore(YearMonth.of(2020, 1)); m = m.minusMonths(1)) {
            months.add(m);
        }
        for (Select<YearMonth> select : List.of(from, until)) {
            select.setItems(months);
            select.setItemLabelGenerator(format::month);
        }
        from.setId("dashboard-from");
        from.setLabel(getTranslation("dashboard.from"));
        from.setValue(initial.from());
        until.setId("dashboard-until");
        until.setLabel(getTranslation("dashboard.until"));
        until.setValue(initial.until());

        publication.setId("dashboard-publication");
        publication.setLabel(getTranslation("dashboard.publication"));

        granularity.setId("dashboard-granularity");
        granularity.setLabel(getTranslation("dashboard.granularity"));
        granularity.setItems(Granularity.values());
        granularity.setItemLabelGenerator(g -> getTranslation("dashboard.granularity." + g.name()));
        granularity.setValue(Granularity.MONTH);

        FlexLayout filters = new FlexLayout(municipality, period, from, until, publication);
        filters.addClassName("dashboard-filters");
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.setAlignItems(Alignment.END);
        updatePeriodFields();

        municipality.addValueChangeListener(e -> refresh());
        period.addValueChangeListener(e -> {
            updatePeriodFields();
            refresh();
        });
        // Months picked by hand make the period "custom"; a preset setting them does not.
        from.addValueChangeListener(e -> monthsChanged());
        until.addValueChangeListener(e -> monthsChanged());
        publication.addValueChangeListener(e -> refresh());
        granularity.addValueChangeListener(e -> refresh());

        content.setWidthFull();
        add(filters, intro, content);
    }

    /**
     * Vaadin reuses this view when its own route is opened again: every section reads its figures anew, the filters
     * stay. Except for the jump links ("dashboard#section-..."): the browser's router reports them as a client-side
     * navigation to the same address, and rebuilding then would replace the section jumped to (and cancel a
     * download started from it). The filters refresh the figures themselves.
     */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String location = event.getLocation().getPathWithQueryParameters();
        boolean jumpWithinPage = location.equals(shownLocation)
                && (event.getTrigger() == NavigationTrigger.CLIENT_SIDE || event.getTrigger() == NavigationTrigger.HISTORY);
        if (!jumpWithinPage) {
            refresh();
        }
        shownLocation = location;
    }

    private void monthsChanged() {
        if (applyingPreset) {
            return;
        }
        if (period.getValue() != Period.CUSTOM) {
            period.setValue(Period.CUSTOM);
        } else {
            refresh();
        }
    }

    private void updatePeriodFields() {
        YearMonth now = YearMonth.now(clock);
        switch (period.getValue()) {
            case THIS_YEAR -> setMonths(YearMonth.of(now.getYear(), 1), YearMonth.of(now.getYear(), 12));
            case LAST_YEAR -> setMonths(YearMonth.of(now.getYear() - 1, 1), YearMonth.of(now.getYear() - 1, 12));
            case LAST_12 -> setMonths(now.minusMonths(11), now);
            case CUSTOM -> { }
        }
    }

    private void setMonths(YearMonth first, YearMonth last) {
        applyingPreset = true;
        try {
            from.setValue(first);
            until.setValue(last);
        } finally {
            applyingPreset = false;
        }
    }

    /** The current filter, or null when the months are the wrong way round. */
    DashboardFilter filter() {
        if (from.getValue() == null || until.getValue() == null || until.getValue().isBefore(from.getValue())) {
            return null;
        }
        Municipality chosen = municipality.getValue();
        return new DashboardFilter(chosen == null || chosen == ALL ? null : chosen.id(), from.getValue(), until.getValue());
    }

    private void refresh() {
        DashboardFilter filter = filter();
        until.setInvalid(filter == null);
        until.setErrorMessage(getTranslation("dashboard.period.invalid"));
        if (filter == null) {
            return;
        }
        Municipality chosen = municipality.getValue();
        intro.setText(getTranslation("dashboard.intro", chosen == null || chosen == ALL ? getTranslation("dashboard.all-municipalities") : chosen.name(),
                format.month(filter.from()), format.month(filter.until())));
        content.removeAll();
        content.add(new WaitingRequestsNotice(requests, filter.municipalityId()));
        content.add(new HeadlineFigures(dashboard.figures(filter), format));
        // Sections one below the other, with a jump list: reads and prints as one report, and every
        // part stays reachable by keyboard and screen reader without a tab widget.
        List<Section> sections = List.of(
                new Section("overview", "dashboard.tab.overview", new OverTimeSection(dashboard, filter, granularity, format)),
                new Section("breakdowns", "dashboard.tab.breakdowns", new BreakdownsSection(dashboard, filter, format)),
                new Section("organisations", "dashboard.tab.organisations", new OrganisationsSection(dashboard, filter, format, this::refresh)),
                new Section("partners", "partner.section.title", new PartnersSection(partners, filter, format, this::refresh)),
                new Section("targets", "dashboard.tab.targets", new TargetsSection(dashboard, filter, format, this::refresh)),
                new Section("tell", "dashboard.tab.tell", new TellSection(dashboard, filter, format)),
                new Section("campaign", "dashboard.tab.campaign", new CampaignSection(campaigns, filter, format)),
                new Section("effect", "dashboard.tab.effect", new EffectSection(dashboard, filter, format)),
                new Section("downloads", "dashboard.tab.export", new DownloadsSection(dashboard, this::requireFilter, format)));
        Nav jump = new Nav();
        jump.addClassName("dashboard-jump");
        jump.getElement().setAttribute("aria-label", getTranslation("dashboard.jump"));
        for (Section section : sections) {
            // The page's base is the app root, so a bare "#..." would leave the dashboard.
            Anchor link = new Anchor(com.vaadin.flow.router.RouteConfiguration.forSessionScope().getUrl(DashboardView.class)
                    + "#section-" + section.id(), getTranslation(section.titleKey()));
            link.getElement().setAttribute("router-ignore", true);
            jump.add(link);
        }
        content.add(jump);
        for (Section section : sections) {
            H2 heading = new H2(getTranslation(section.titleKey()));
            com.vaadin.flow.component.html.Section part = new com.vaadin.flow.component.html.Section(heading, section.body());
            part.setId("section-" + section.id());
            part.addClassName("dashboard-section");
            content.add(part);
        }
    }

    private record Section(String id, String titleKey, Component body) {
    }

    private DashboardFilter requireFilter() {
        DashboardFilter filter = filter();
        if (filter == null) {
            throw new IllegalStateException("Invalid period");
        }
        return filter;
    }

    @Override
    public String titleKey() {
        return "dashboard.title";
    }
}
