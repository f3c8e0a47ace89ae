package nl.omzien.campaigns.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import nl.omzien.base.InvalidInputException;
import nl.omzien.base.MunicipalityId;
import nl.omzien.base.ui.ComponentTexts;
import nl.omzien.base.ui.FormErrors;
import nl.omzien.base.ui.HasTitleKey;
import nl.omzien.campaigns.Activity;
import nl.omzien.campaigns.ActivityDraft;
import nl.omzien.campaigns.Campaign;
import nl.omzien.campaigns.CampaignId;
import nl.omzien.campaigns.CampaignService;
import nl.omzien.people.MunicipalityService;
import nl.omzien.people.chooser.MunicipalityChooser;
import nl.omzien.security.CurrentUser;
import nl.omzien.security.Role;
import nl.omzien.sessions.SessionTimes;
import nl.omzien.sessions.TrainingSession;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Map;

/**
 * The lead's campaigns: make one (the Week tegen Eenzaamheid is filled in), change or remove it, tag the sessions
 * held during it, add activities, and copy the public agenda's addresses. Cards and one column, for a phone. Every
 * check is in {@link CampaignService}.
 */
@Route("campagnes")
@Menu(order = 14, title = "nav.campaigns", icon = "CALENDAR")
@RolesAllowed({Role.LEAD_ROLE, Role.ADMIN_ROLE})
public class CampaignsView extends VerticalLayout implements BeforeEnterObserver, HasTitleKey {

    private final CampaignService campaigns;
    private final Div content = new Div();
    private MunicipalityId municipalityId;
    private CampaignId open;
    /** The activity whose values fill the activity form, to change it; none: the form adds one. */
    private Activity editing;

    public CampaignsView(CampaignService campaigns, MunicipalityService municipalities, CurrentUser currentUser) {
        this.campaigns = campaigns;
        setMaxWidth("52rem");
        var user = currentUser.require();
        municipalityId = user.municipalityId();
        if (user.isAdmin()) {
            var choice = new MunicipalityChooser("campaigns-municipality", getTranslation("campaigns.municipality"));
            municipalityId = choice.offer(municipalities.visible(), municipalityId);
            choice.onChoose(chosen -> {
                municipalityId = chosen;
                open = null;
                refresh();
            });
            add(choice);
        }
        content.setWidthFull();
        add(content);
    }

    /** Vaadin reuses this view when its own route is opened again: the campaigns are read anew every time. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        refresh();
    }

    private DateTimeFormatter dates() {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(getLocale());
    }

    private void refresh() {
        content.removeAll();
        if (municipalityId == null) {
            return;
        }
        content.add(new Paragraph(getTranslation("campaigns.intro")));
        content.add(agendaLinks());
        content.add(new H2(getTranslation("campaigns.list")));
        var all = campaigns.campaigns(municipalityId);
        if (all.isEmpty()) {
            content.add(new Paragraph(getTranslation("campaigns.none")));
        }
        for (Campaign campaign : all) {
            content.add(card(campaign));
        }
        content.add(newCampaignForm());
    }

    private Div agendaLinks() {
        var links = campaigns.agendaLinks(municipalityId);
        Div section = new Div(new H2(getTranslation("campaigns.agenda")));
        section.setId("campaigns-agenda");
        Anchor page = new Anchor(links.page(), links.page());
        page.setId("campaigns-agenda-link");
        Anchor feed = new Anchor(links.calendar(), getTranslation("agenda.feed"));
        TextArea snippet = new TextArea(getTranslation("campaigns.snippet"));
        snippet.setId("campaigns-snippet");
        snippet.setValue(links.snippet());
        snippet.setReadOnly(true);
        snippet.setWidthFull();
        snippet.setHelperText(getTranslation("campaigns.snippet-help"));
        section.add(new Paragraph(page), new Paragraph(feed), snippet);
        return section;
    }

    private Div card(Campaign campaign) {
        Div card = new Div();
        card.setId("campaign-" + campaign.id());
        card.addClassName("campaign-card");
        card.getStyle().set("border-top", "1px solid var(--lumo-contrast-20pct)").set("padding", "var(--lumo-space-s) 0");
        card.add(new H3(campaign.name()), new Paragraph(getTranslation("campaigns.days",
                dates().format(campaign.startsOn()), dates().format(campaign.endsOn()))));
        if (!campaign.id().equals(open)) {
            Button show = new Button(getTranslation("campaigns.open"), click -> {
                open = campaign.id();
                refresh();
            });
            show.setId("campaign-open-" + campaign.id());
            show.getElement().setAttribute("aria-label", getTranslation("campaigns.open-named", campaign.name()));
            card.add(show);
            return card;
        }
        card.add(editForm(campaign), sessions(campaign), activities(campaign), activityForm(campaign));
        return card;
    }

    private Div editForm(Campaign campaign) {
        TextField name = new TextField(getTranslation("campaigns.name"));
        name.setId("campaign-edit-name");
        name.setValue(campaign.name());
        name.setWidthFull();
        DatePicker from = datePicker("campaigns.from", "campaign-edit-from", campaign.startsOn());
        DatePicker until = datePicker("campaigns.until", "campaign-edit-until", campaign.endsOn());
        Map<String, HasValidation> fields = Map.of("name", name, "startsOn", from, "endsOn", until);
        Button save = new Button(getTranslation("action.save"), click -> {
            FormErrors.clear(fields);
            try {
                campaigns.change(campaign.id(), name.getValue(), from.getValue(), until.getValue());
                FormErrors.saved(getTranslation("action.saved"));
                refresh();
            } catch (InvalidInputException problem) {
                FormErrors.show(problem, fields);
            }
        });
        save.setId("campaign-edit-save");
        Button delete = new Button(getTranslation("campaigns.delete"), click -> {
            campaigns.delete(campaign.id());
            open = null;
            refresh();
        });
        delete.setId("campaign-delete");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        return new Div(name, from, until, new Div(save, delete));
    }

    private Div sessions(Campaign campaign) {
        Div section = new Div(new H3(getTranslation("campaigns.sessions")));
        section.setId("campaign-sessions");
        var during = campaigns.sessionsDuring(campaign.id());
        if (during.isEmpty()) {
            section.add(new Paragraph(getTranslation("campaigns.sessions.none")));
        }
        for (TrainingSession session : during) {
            Checkbox tag = new Checkbox(session.title() + ", "
                    + dates().format(SessionTimes.local(session.startsAt()).toLocalDate()));
            tag.setId("campaign-session-" + session.id());
            tag.setValue(campaign.sessionIds().contains(session.id()));
            tag.addValueChangeListener(change -> campaigns.tag(campaign.id(), session.id(), change.getValue()));
            section.add(new Div(tag));
        }
        return section;
    }

    private Div activities(Campaign campaign) {
        Div section = new Div(new H3(getTranslation("campaigns.activities")));
        section.setId("campaign-activities");
        var list = campaigns.activities(campaign.id());
        if (list.isEmpty()) {
            section.add(new Paragraph(getTranslation("campaigns.activities.none")));
        }
        DateTimeFormatter when = DateTimeFormatter.ofPattern("EEEE d MMMM, HH:mm", getLocale());
        for (Activity activity : list) {
            Paragraph line = new Paragraph(activity.title() + " · " + SessionTimes.local(activity.startsAt()).format(when)
                    + " · " + activity.place() + " · " + activity.organiser());
            Button delete = new Button(getTranslation("campaigns.activity.delete"), click -> {
                campaigns.deleteActivity(activity.id());
                if (editing != null && editing.id().equals(activity.id())) {
                    editing = null;
                }
                refresh();
            });
            delete.setId("activity-delete-" + activity.id());
            delete.getElement().setAttribute("aria-label", getTranslation("campaigns.activity.delete-named", activity.title()));
            delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            Button edit = new Button(getTranslation("campaigns.activity.edit"), click -> {
                editing = activity;
                refresh();
            });
            edit.setId("activity-edit-" + activity.id());
            edit.getElement().setAttribute("aria-label", getTranslation("campaigns.activity.edit-named", activity.title()));
            edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            Div row = new Div(line, edit, delete);
            row.addClassName("campaign-activity");
            section.add(row);
        }
        return section;
    }

    /** Adds an activity, or changes the one whose "Wijzigen" was tapped (its values filled in). */
    private Div activityForm(Campaign campaign) {
        Activity changing = editing != null && editing.campaignId().equals(campaign.id()) ? editing : null;
        Div form = new Div(new H3(getTranslation(changing == null ? "campaigns.activity.add" : "campaigns.activity.change")));
        form.setId("activity-form");
        TextField title = textField("campaigns.activity.title", "activity-title", 150);
        DatePicker day = datePicker("campaigns.activity.day", "activity-day", campaign.startsOn());
        day.setMin(campaign.startsOn());
        day.setMax(campaign.endsOn());
        TimePicker from = new TimePicker(getTranslation("campaigns.activity.from"));
        from.setId("activity-from");
        TimePicker until = new TimePicker(getTranslation("campaigns.activity.until"));
        until.setId("activity-until");
        TextField place = textField("campaigns.activity.place", "activity-place", 150);
        TextField organiser = textField("campaigns.activity.organiser", "activity-organiser", 150);
        TextArea description = new TextArea(getTranslation("campaigns.activity.description"));
        description.setId("activity-description");
        description.setMaxLength(CampaignService.MAX_DESCRIPTION);
        description.setWidthFull();
        TextField link = textField("campaigns.activity.link", "activity-link", CampaignService.MAX_LINK);
        link.setHelperText(getTranslation("campaigns.activity.link-help"));
        Map<String, HasValidation> fields = Map.of("title", title, "day", day, "from", from, "until", until, "place", place,
                "organiser", organiser, "description", description, "link", link);
        if (changing != null) {
            var starts = SessionTimes.local(changing.startsAt());
            title.setValue(changing.title());
            day.setValue(starts.toLocalDate());
            from.setValue(starts.toLocalTime());
            until.setValue(SessionTimes.local(changing.endsAt()).toLocalTime());
            place.setValue(changing.place());
            organiser.setValue(changing.organiser());
            description.setValue(changing.description() == null ? "" : changing.description());
            link.setValue(changing.link() == null ? "" : changing.link());
            title.focus(); // the form is below the list: take the lead (and the keyboard) to it
        }
        Button add = new Button(getTranslation("campaigns.activity.save"));
        add.setId("activity-save");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.setDisableOnClick(true);
        add.addClickListener(click -> {
            FormErrors.clear(fields);
            var draft = new ActivityDraft(title.getValue(), day.getValue(), from.getValue(), until.getValue(),
                    place.getValue(), organiser.getValue(), description.getValue(), link.getValue());
            try {
                if (changing == null) {
                    campaigns.addActivity(campaign.id(), draft);
                } else {
                    campaigns.changeActivity(changing.id(), draft);
                }
                editing = null;
                FormErrors.saved(getTranslation("campaigns.activity.saved"));
                refresh();
            } catch (InvalidInputException problem) {
                FormErrors.show(problem, fields);
                add.setEnabled(true);
            }
        });
        form.add(title, day, from, until, place, organiser, description, link, add);
        if (changing != null) {
            Button cancel = new Button(getTranslation("action.cancel"), click -> {
                editing = null;
                refresh();
            });
            cancel.setId("activity-cancel");
            cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            form.add(cancel);
        }
        return form;
    }

    private Div newCampaignForm() {
        Div form = new Div(new H2(getTranslation("campaigns.new")), new Paragraph(getTranslation("campaigns.new.intro")));
        form.setId("campaign-new");
        var proposal = campaigns.proposal();
        TextField name = textField("campaigns.name", "campaign-name", 150);
        name.setValue(getTranslation("campaigns.week-name", String.valueOf(proposal.year())));
        DatePicker from = datePicker("campaigns.from", "campaign-from", proposal.startsOn());
        DatePicker until = datePicker("campaigns.until", "campaign-until", proposal.endsOn());
        Map<String, HasValidation> fields = Map.of("name", name, "startsOn", from, "endsOn", until);
        Button create = new Button(getTranslation("campaigns.create"));
        create.setId("campaign-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setDisableOnClick(true);
        create.addClickListener(click -> {
            FormErrors.clear(fields);
            try {
                open = campaigns.create(municipalityId, name.getValue(), from.getValue(), until.getValue());
                FormErrors.saved(getTranslation("campaigns.created"));
                refresh();
            } catch (InvalidInputException problem) {
                FormErrors.show(problem, fields);
                create.setEnabled(true);
            }
        });
        form.add(name, from, until, create);
        return form;
    }

    private TextField textField(String labelKey, String id, int maxLength) {
        TextField field = new TextField(getTranslation(labelKey));
        field.setId(id);
        field.setMaxLength(maxLength);
        field.setWidthFull();
        return field;
    }

    private DatePicker datePicker(String labelKey, String id, LocalDate value) {
        DatePicker picker = new DatePicker(getTranslation(labelKey));
        ComponentTexts.datePicker(picker);
        picker.setId(id);
        picker.setValue(value);
        return picker;
    }

    @Override
    public String titleKey() {
        return "nav.campaigns";
    }
}
