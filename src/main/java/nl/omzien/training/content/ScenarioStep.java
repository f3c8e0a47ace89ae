package nl.omzien.training.content;

import nl.omzien.people.Audience;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** A branching conversation: nodes in file order, keyed by id; outcome nodes end it. */
public record ScenarioStep(String id, Text title, Set<Audience> audiences, Text intro, String start,
                           Map<String, Node> nodes) implements Step {

    public enum Quality { GOOD, MIXED, POOR }

    public record Reply(Text text, String next, Quality quality, Text feedback) {
    }

    public record Outcome(Quality result, Text text) {
    }

    public record Node(String id, Text says, List<Reply> replies, Outcome outcome, boolean safety) {

        public boolean isOutcome() {
            return outcome != null;
        }
    }

    public Node node(String nodeId) {
        Node node = nodes.get(nodeId);
        if (node == null) {
            throw new IllegalArgumentException("No node " + nodeId + " in scenario " + id);
        }
        return node;
    }
}
