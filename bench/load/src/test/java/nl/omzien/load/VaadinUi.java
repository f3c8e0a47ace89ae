package nl.omzien.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What Vaadin Flow's browser client keeps for one UI, and no more: the security key, the sync and client
 * ids, and a copy of the state tree (tags, attributes, properties, text and children of each node) from the
 * "changes" of every UIDL answer, so a virtual user can find a button by its id and click it the way the
 * browser does. One instance per virtual user and UI; not thread-safe (a user does one thing at a time).
 */
public final class VaadinUi {

    static final ObjectMapper JSON = new ObjectMapper();

    private static final class Node {
        final Map<String, JsonNode> values = new HashMap<>();     // attributes, properties, tag, text
        final List<Integer> children = new ArrayList<>();
    }

    private final Map<Integer, Node> nodes = new HashMap<>();
    private String csrfToken;
    private int uiId;
    private int syncId = -1;
    private int clientId;
    private int features;

    /** From the answer to {@code GET /?v-r=init&location=...}: the UI's first state. */
    public static VaadinUi fromInit(String initJson) {
        try {
            JsonNode init = JSON.readTree(initJson);
            JsonNode config = init.path("appConfig");
            VaadinUi ui = new VaadinUi();
            ui.uiId = config.path("v-uiId").asInt();
            ui.apply(config.path("uidl"));
            return ui;
        } catch (Exception e) {
            throw new IllegalStateException("Not a Vaadin init answer: " + head(initJson), e);
        }
    }

    public int uiId() {
        return uiId;
    }

    /** Applies a UIDL answer ({@code for(;;);[{...}]}); throws when the server says the UI or session is gone. */
    public void applyResponse(String body) {
        String json = body.startsWith("for(;;);") ? body.substring("for(;;);".length()) : body;
        try {
            JsonNode root = JSON.readTree(json);
            apply(root.isArray() ? root.get(0) : root);
        } catch (IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Not a UIDL answer: " + head(body), e);
        }
    }

    private void apply(JsonNode uidl) {
        JsonNode meta = uidl.path("meta");
        if (meta.has("appError") || meta.path("sessionExpired").asBoolean(false)) {
            throw new IllegalStateException("Server refused the UI: " + meta);
        }
        if (uidl.has("Vaadin-Security-Key")) {
            csrfToken = uidl.get("Vaadin-Security-Key").asText();
        }
        if (uidl.has("syncId")) {
            syncId = uidl.get("syncId").asInt();
        }
        if (uidl.has("clientId")) {
            clientId = uidl.get("clientId").asInt();
        }
        for (JsonNode change : uidl.path("changes")) {
            int id = change.path("node").asInt();
            switch (change.path("type").asText()) {
                case "attach" -> nodes.put(id, new Node());
                case "detach" -> nodes.remove(id);
                case "put" -> node(id).values.put(change.path("key").asText(),
                        change.has("nodeValue") ? change.get("nodeValue") : change.path("value"));
                case "remove" -> node(id).values.remove(change.path("key").asText());
                case "splice" -> {
                    if (change.path("feat").asInt() != 2) {
                        break; // only the element's own children (ElementChildrenList)
                    }
                    List<Integer> list = node(id).children;
                    int index = change.path("index").asInt();
                    int remove = change.path("remove").asInt(0);
                    for (int i = 0; i < remove && index < list.size(); i++) {
                        list.remove(index);
                    }
                    int at = index;
                    for (JsonNode added : change.path("addNodes")) {
                        list.add(Math.min(at++, list.size()), added.asInt());
                    }
                }
                case "clear" -> {
                    if (change.path("feat").asInt() == 2) {
                        node(id).children.clear();
                    }
                }
                default -> { }
            }
            features++;
        }
    }

    private Node node(int id) {
        return nodes.computeIfAbsent(id, k -> new Node());
    }

    /** The node of the element with this id attribute, if the UI shows one. */
    public Optional<Integer> elementById(String elementId) {
        return nodes.entrySet().stream()
                .filter(e -> elementId.equals(text(e.getValue().values.get("id"))))
                .map(Map.Entry::getKey).findFirst();
    }

    /** The id of some element whose id starts with this prefix (a row's button: "signup-12"). */
    public Optional<String> elementIdStartingWith(String prefix) {
        return nodes.values().stream().map(n -> text(n.values.get("id")))
                .filter(id -> id != null && id.startsWith(prefix)).sorted().findFirst();
    }

    /** Whether the element is disabled (Vaadin sets the "disabled" attribute and property). */
    public boolean disabled(int node) {
        JsonNode value = node(node).values.get("disabled");
        return value != null && !value.isNull() && !(value.isBoolean() && !value.asBoolean());
    }

    /** Every text in the UI, for checks ("does the page show X?"). */
    public String allText() {
        StringBuilder out = new StringBuilder();
        nodes.values().forEach(n -> {
            JsonNode text = n.values.get("text");
            if (text != null && text.isTextual()) {
                out.append(text.asText()).append('\n');
            }
        });
        return out.toString();
    }

    public int nodeCount() {
        return nodes.size();
    }

    private static String text(JsonNode value) {
        return value == null || value.isNull() ? null : value.asText();
    }

    /** The body of the next UIDL request carrying these RPC calls. */
    public String request(ArrayNode rpc) {
        ObjectNode body = JSON.createObjectNode();
        body.put("csrfToken", csrfToken);
        body.set("rpc", rpc);
        body.put("syncId", syncId);
        body.put("clientId", clientId);
        return body.toString();
    }

    /** A click, with the event data Vaadin's ClickEvent reads. */
    public static ArrayNode click(int node) {
        ObjectNode data = JSON.createObjectNode();
        for (String key : List.of("event.screenX", "event.screenY", "event.clientX", "event.clientY", "event.button")) {
            data.put(key, 0);
        }
        data.put("event.detail", 1);
        for (String key : List.of("event.ctrlKey", "event.shiftKey", "event.altKey", "event.metaKey")) {
            data.put(key, false);
        }
        return JSON.createArrayNode().add(event(node, "click", data));
    }

    /** A changed value of a field (text field, radio group): the property sync and the change event. */
    public static ArrayNode setValue(int node, String value) {
        ObjectNode sync = JSON.createObjectNode();
        sync.put("type", "mSync");
        sync.put("node", node);
        sync.put("feature", 1);
        sync.put("property", "value");
        sync.put("value", value);
        return JSON.createArrayNode().add(sync).add(event(node, "value-changed", JSON.createObjectNode()))
                .add(event(node, "change", JSON.createObjectNode()));
    }

    /** A navigation by the client's router, as a click on a menu link makes it. */
    public static ArrayNode navigate(String route) {
        ObjectNode data = JSON.createObjectNode();
        data.put("route", route);
        data.put("query", "");
        data.put("appShellTitle", "");
        data.putNull("historyState");
        data.put("trigger", "");
        return JSON.createArrayNode().add(event(1, "ui-navigate", data));
    }

    private static ObjectNode event(int node, String name, ObjectNode data) {
        ObjectNode event = JSON.createObjectNode();
        event.put("type", "event");
        event.put("node", node);
        event.put("event", name);
        event.set("data", data);
        return event;
    }

    static String head(String text) {
        return text == null ? "null" : text.substring(0, Math.min(300, text.length()));
    }
}
