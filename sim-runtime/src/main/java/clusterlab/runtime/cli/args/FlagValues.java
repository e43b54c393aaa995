package clusterlab.runtime.cli.args;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The values of one command's flag set after parsing: every declared flag has a value
 * (its default until given), and {@link #changed} tells whether the user set it, as
 * pflag's Flag.Changed does (docker often behaves differently for "given as default").
 */
public final class FlagValues {
    private final CommandSpec command;
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final Set<String> changed = new LinkedHashSet<>();

    FlagValues(CommandSpec command) {
        this.command = command;
        for (FlagSpec f : command.flags()) {
            values.put(f.name(), initial(f));
        }
    }

    private static Object initial(FlagSpec f) {
        String d = f.defaultValue();
        try {
            return switch (f.type()) {
                case BOOL -> GoValues.parseBool(d);
                case STRING -> d;
                case STRING_LIST, FILTER, MAP -> List.of();
                case INT -> d.isEmpty() ? 0L : GoValues.parseInt(d, 64);
                case UINT, UINT16 -> d.isEmpty() ? 0L : GoValues.parseUint(d, 64);
                case DURATION -> d.isEmpty() ? 0L : GoValues.parseDuration(d);
                case MEMORY_BYTES, MEMORY_SWAP_BYTES, NANO_CPUS -> 0L;
                case FLOAT -> d.isEmpty() ? 0d : GoValues.parseFloat(d);
            };
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("bad default for --" + f.name() + ": " + d, e);
        }
    }

    /** pflag's Value.Set; the exception text is what pflag puts after "flag: ". */
    void set(FlagSpec f, String raw) {
        Object v = switch (f.type()) {
            case BOOL -> GoValues.parseBool(raw);
            case STRING -> raw;
            case STRING_LIST -> append(f, raw);
            case MAP -> append(f, raw);
            case FILTER -> {
                if (raw.isEmpty()) {
                    yield values.get(f.name());
                }
                int eq = raw.indexOf('=');
                if (eq < 0) {
                    throw new IllegalArgumentException("bad format of filter (expected name=value)");
                }
                String name = raw.substring(0, eq).strip().toLowerCase(java.util.Locale.ROOT);
                yield append(f, name + "=" + raw.substring(eq + 1).strip());
            }
            case INT -> GoValues.parseInt(raw, 64);
            case UINT -> GoValues.parseUint(raw, 64);
            case UINT16 -> GoValues.parseUint(raw, 16);
            case DURATION -> GoValues.parseDuration(raw);
            case MEMORY_BYTES -> GoValues.ramInBytes(raw);
            case MEMORY_SWAP_BYTES -> raw.equals("-1") ? -1L : GoValues.ramInBytes(raw);
            case NANO_CPUS -> GoValues.parseNanoCpus(raw);
            case FLOAT -> GoValues.parseFloat(raw);
        };
        values.put(f.name(), v);
        changed.add(f.name());
    }

    private List<String> append(FlagSpec f, String raw) {
        @SuppressWarnings("unchecked")
        List<String> old = (List<String>) values.get(f.name());
        List<String> next = new ArrayList<>(old);
        next.add(raw);
        return Collections.unmodifiableList(next);
    }

    public CommandSpec command() {
        return command;
    }

    public boolean changed(String name) {
        require(name);
        return changed.contains(name);
    }

    /** The names of the flags the user gave, in the order first given. */
    public Set<String> changedNames() {
        return Collections.unmodifiableSet(changed);
    }

    public boolean bool(String name) {
        return (Boolean) get(name, FlagType.BOOL);
    }

    public String string(String name) {
        return (String) get(name, FlagType.STRING);
    }

    @SuppressWarnings("unchecked")
    public List<String> strings(String name) {
        return (List<String>) get(name, FlagType.STRING_LIST, FlagType.FILTER, FlagType.MAP);
    }

    /** A MAP flag's key=value pairs; a later key wins, a value-less key maps to "". */
    public Map<String, String> map(String name) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String kv : strings(name)) {
            int eq = kv.indexOf('=');
            if (eq < 0) {
                m.put(kv, "");
            } else {
                m.put(kv.substring(0, eq), kv.substring(eq + 1));
            }
        }
        return m;
    }

    public long integer(String name) {
        return (Long) get(name, FlagType.INT, FlagType.UINT, FlagType.UINT16);
    }

    public long durationNanos(String name) {
        return (Long) get(name, FlagType.DURATION);
    }

    public long bytes(String name) {
        return (Long) get(name, FlagType.MEMORY_BYTES, FlagType.MEMORY_SWAP_BYTES);
    }

    public double decimal(String name) {
        return (Double) get(name, FlagType.FLOAT);
    }

    public long nanoCpus(String name) {
        return (Long) get(name, FlagType.NANO_CPUS);
    }

    private Object get(String name, FlagType... types) {
        FlagSpec f = require(name);
        for (FlagType t : types) {
            if (f.type() == t) {
                return values.get(name);
            }
        }
        throw new IllegalArgumentException("--" + name + " of " + command.commandPath() + " is " + f.type());
    }

    private FlagSpec require(String name) {
        FlagSpec f = command.flag(name);
        if (f == null) {
            throw new IllegalArgumentException(command.commandPath() + " has no flag --" + name);
        }
        return f;
    }

    /** A stable rendering of the changed flags, for transcripts and debugging. */
    public String describeChanged() {
        StringBuilder b = new StringBuilder();
        for (String n : changed) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(n).append('=').append(values.get(n));
        }
        return b.toString();
    }
}
