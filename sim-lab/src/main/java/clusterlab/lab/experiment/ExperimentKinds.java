package clusterlab.lab.experiment;

import java.util.List;

/** The kinds an experiment file may name. */
public final class ExperimentKinds {
    private static final List<ExperimentKind> ALL = List.of(new QuorumKind(), new RaftFig16Kind(), new ScalingKind());

    private ExperimentKinds() {}

    public static List<ExperimentKind> all() {
        return ALL;
    }

    /** The kind called {@code name}, or null. */
    public static ExperimentKind byName(String name) {
        for (ExperimentKind k : ALL) {
            if (k.name().equals(name)) {
                return k;
            }
        }
        return null;
    }

    public static String names() {
        StringBuilder s = new StringBuilder();
        for (ExperimentKind k : ALL) {
            s.append(s.length() == 0 ? "" : " | ").append(k.name());
        }
        return s.toString();
    }
}
