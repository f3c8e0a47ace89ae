package nl.omzien.sessions.ui;

import nl.omzien.base.OrganisationId;

import nl.omzien.base.PersonId;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import nl.omzien.people.Audience;
import nl.omzien.sessions.SessionDraft;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The fields of a session, shared by "new", "edit" and "new series". */
class SessionForm extends FormLayout {

    final TextField title = new TextField();
    final MultiSelectComboBox<String> modules = new MultiSelectComboBox<>();
    final ComboBox<Audience> audience = new ComboBox<>();
    final DatePicker date = new DatePicker();
    final TimePicker start = new TimePicker();
    final TimePicker end = new TimePicker();
    final TextField location = new TextField();
    final TextField onlineUrl = new TextField();
    final IntegerField capacity = new IntegerField();
    final IntegerField minimum = new IntegerField();
    final IntegerField goNoGoDays = new IntegerField();
    final IntegerField deadlineDays = new IntegerField();
    final ComboBox<OrganisationId> organisation = new ComboBox<>();
    final MultiSelectComboBox<PersonId> trainers = new MultiSelectComboBox<>();
    final TextArea notes = new TextArea();
    final TextField accreditation = new TextField();

    SessionForm(SessionDraft draft, Map<String, String> moduleTitles, Map<PersonId, String> trainerNames,
                Map<OrganisationId, String> organisationNames, boolean series) {
        title.setLabel(getTranslation("session.field.title"));
        title.setId("session-title");
        title.setRequiredIndicatorVisible(true);
        title.setValue(draft.getTitle());

        modules.setLabel(getTranslation("session.field.modules"));
        modules.setItems(moduleTitles.keySet());
        modules.setItemLabelGenerator(id -> moduleTitles.getOrDefault(id, id));
        modules.setValue(draft.getModuleIds());

        audience.setLabel(getTranslation("session.field.audience"));
        audience.setItems(Audience.values());
        audience.setItemLabelGenerator(a -> getTranslation("session.audience." + a.name()));
        audience.setPlaceholder(getTranslation("session.audience.everyone"));
        audience.setClearButtonVisible(true);
        audience.setValue(draft.getAudience());

        date.setLabel(getTranslation(series ? "series.field.first-month" : "session.field.date"));
        date.setId("session-date");
        nl.omzien.base.ui.ComponentTexts.datePicker(date);
        nl.omzien.base.ui.ComponentTexts.multiSelect(modules);
        nl.omzien.base.ui.ComponentTexts.multiSelect(trainers);
        date.setRequiredIndicatorVisible(true);
        date.setValue(draft.getDate());
        date.setVisible(!series);
        start.setLabel(getTranslation("session.field.start"));
        start.setId("session-start");
        start.setStep(Duration.ofMinutes(15));
        start.setRequiredIndicatorVisible(true);
        start.setValue(draft.getStartTime());
        end.setLabel(getTranslation("session.field.end"));
        end.setId("session-end");
        end.setStep(Duration.ofMinutes(15));
        end.setRequiredIndicatorVisible(true);
        end.setValue(draft.getEndTime());

        location.setLabel(getTranslation("session.field.location"));
        location.setId("session-location");
        location.setHelperText(getTranslation("session.field.location-help"));
        location.setValue(draft.getLocation());
        onlineUrl.setLabel(getTranslation("session.field.online-url"));
        onlineUrl.setId("session-online-url");
        onlineUrl.setValue(draft.getOnlineUrl());

        capacity.setLabel(getTranslation("session.field.capacity"));
        capacity.setId("session-capacity");
        capacity.setMin(1);
        capacity.setMax(500);
        capacity.setStepButtonsVisible(true);
        capacity.setRequiredIndicatorVisible(true);
        capacity.setValue(draft.getCapacity());
        minimum.setLabel(getTranslation("session.field.minimum"));
        minimum.setId("session-minimum");
        minimum.setHelperText(getTranslation("session.field.minimum-help"));
        minimum.setMin(1);
        minimum.setValue(draft.getMinParticipants());
        goNoGoDays.setLabel(getTranslation("session.field.go-no-go-days"));
        goNoGoDays.setMin(1);
        goNoGoDays.setValue(draft.getGoNoGoDays());
        deadlineDays.setLabel(getTranslation("session.field.deadline-days"));
        deadlineDays.setHelperText(getTranslation("session.field.deadline-days-help"));
        deadlineDays.setId("session-deadline-days");
        deadlineDays.setMin(0);
        deadlineDays.setValue(draft.getDeadlineDaysBefore());

        organisation.setLabel(getTranslation("session.field.closed-for"));
        organisation.setId("session-organisation");
        organisation.setItems(organisationNames.keySet());
        organisation.setItemLabelGenerator(id -> organisationNames.getOrDefault(id, ""));
        organisation.setPlaceholder(getTranslation("session.field.open-to-all"));
        organisation.setHelperText(getTranslation("session.field.closed-for-help"));
        organisation.setClearButtonVisible(true);
        organisation.setValue(draft.getOrganisationId());

        trainers.setLabel(getTranslation("session.field.trainers"));
        trainers.setItems(trainerNames.keySet());
        trainers.setItemLabelGenerator(id -> trainerNames.getOrDefault(id, ""));
        trainers.setValue(draft.getTrainerIds());

        notes.setLabel(getTranslation("session.field.notes"));
        notes.setHelperText(getTranslation("session.field.notes-help"));
        notes.setMaxLength(4000);
        notes.setValue(draft.getNotes());

        accreditation.setLabel(getTranslation("session.field.accreditation"));
        accreditation.setHelperText(getTranslation("session.field.accreditation-help"));
        accreditation.setId("session-accreditation");
        accreditation.setMaxLength(50);
        accreditation.setValue(java.util.Objects.toString(draft.getAccreditationNumber(), ""));

        add(title, modules, audience, date, start, end, location, onlineUrl, capacity, minimum, goNoGoDays,
                deadlineDays, organisation, trainers, accreditation, notes);
        setColspan(title, 2);
        setColspan(notes, 2);
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("36em", 2));
    }

    SessionDraft writeTo(SessionDraft draft) {
        return draft.setTitle(title.getValue()).setModuleIds(modules.getValue()).setAudience(audience.getValue())
                .setDate(date.getValue()).setStartTime(start.getValue()).setEndTime(end.getValue())
                .setLocation(location.getValue()).setOnlineUrl(onlineUrl.getValue()).setCapacity(capacity.getValue())
                .setMinParticipants(minimum.getValue())
                .setGoNoGoDays(goNoGoDays.getValue() == null ? 3 : goNoGoDays.getValue())
                .setDeadlineDaysBefore(deadlineDays.getValue() == null ? 0 : deadlineDays.getValue())
                .setOrganisationId(organisation.getValue()).setTrainerIds(Set.copyOf(trainers.getValue()))
                .setNotes(notes.getValue()).setAccreditationNumber(accreditation.getValue());
    }

    Map<String, HasValidation> fields() {
        Map<String, HasValidation> fields = new HashMap<>();
        fields.put("title", title);
        fields.put("date", date);
        fields.put("startTime", start);
        fields.put("endTime", end);
        fields.put("location", location);
        fields.put("onlineUrl", onlineUrl);
        fields.put("capacity", capacity);
        fields.put("minParticipants", minimum);
        fields.put("goNoGoDays", goNoGoDays);
        fields.put("deadlineDaysBefore", deadlineDays);
        fields.put("organisation", organisation);
        fields.put("trainers", trainers);
        fields.put("notes", notes);
        fields.put("accreditationNumber", accreditation);
        return fields;
    }
}
