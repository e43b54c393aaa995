package clusterlab.runtime.build;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The build's ARGs: {@code --build-arg} values, the global ARGs before the first FROM, the ARGs
 * declared in the current stage, and which {@code --build-arg}s some ARG consumed (the others
 * earn Docker's warning).
 */
final class BuildArgs {
    private final Map<String, String> given;
    private final LinkedHashMap<String, String> declared = new LinkedHashMap<>();
    private final LinkedHashMap<String, String> meta = new LinkedHashMap<>();
    private final TreeSet<String> used = new TreeSet<>();

    BuildArgs(Map<String, String> given) {
        this.given = new LinkedHashMap<>(given);
    }

    /** An ARG's value: the --build-arg one, else its default (null: unset). */
    String value(String name, String defaultValue) {
        if (given.containsKey(name)) {
            used.add(name);
            return given.get(name);
        }
        return defaultValue;
    }

    /** ARG before the first FROM: usable in FROM lines only. */
    void declareMeta(String name, String defaultValue) {
        meta.put(name, value(name, defaultValue));
    }

    String meta(String name) {
        return meta.get(name);
    }

    /** ARG in a stage; a global ARG redeclared without a default keeps the global value. */
    String declare(String name, String defaultValue) {
        String v = defaultValue == null && meta.containsKey(name) ? meta.get(name) : defaultValue;
        declared.put(name, v);
        value(name, v);
        return v;
    }

    /** A new stage forgets the previous stage's ARGs. */
    void newStage() {
        declared.clear();
    }

    /** Variables for substitution: ENV wins over a declared ARG. */
    Function<String, String> lookup(List<String> env) {
        Map<String, String> envMap = envMap(env);
        return name -> {
            String v = envMap.get(name);
            if (v != null) {
                return v;
            }
            return declared.containsKey(name) ? value(name, declared.get(name)) : null;
        };
    }

    /** The declared ARGs with a value that no ENV shadows, sorted: what RUN gets and records. */
    TreeMap<String, String> forRun(List<String> env) {
        Map<String, String> envNow = envMap(env);
        TreeMap<String, String> out = new TreeMap<>();
        for (Map.Entry<String, String> a : declared.entrySet()) {
            String v = value(a.getKey(), a.getValue());
            if (v != null && !envNow.containsKey(a.getKey())) {
                out.put(a.getKey(), v);
            }
        }
        return out;
    }

    /** --build-args no ARG asked for, sorted. */
    List<String> unused() {
        List<String> out = new ArrayList<>();
        for (String k : new TreeSet<>(given.keySet())) {
            if (!used.contains(k)) {
                out.add(k);
            }
        }
        return out;
    }

    static Map<String, String> envMap(List<String> env) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String e : env) {
            int eq = e.indexOf('=');
            m.put(eq < 0 ? e : e.substring(0, eq), eq < 0 ? "" : e.substring(eq + 1));
        }
        return m;
    }
}
