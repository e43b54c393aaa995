package clusterlab.runtime.cli.args;

import java.util.Objects;

/**
 * One flag as pflag knows it. {@code defaultValue} is pflag's DefValue (the Go String() of
 * the default), used both as the initial value and for the "(default ...)" help suffix.
 * {@code typeName} overrides the help column's type word for docker's custom Value types
 * (mount, port, ulimit, pref...). A deprecated flag is also hidden, as MarkDeprecated does.
 */
public record FlagSpec(String name, Character shorthand, FlagType type, String defaultValue,
                       String usage, boolean hidden, String deprecated, String typeName) {

    public FlagSpec {
        Objects.requireNonNull(name);
        Objects.requireNonNull(type);
        Objects.requireNonNull(usage);
        defaultValue = defaultValue == null ? zeroDefault(type) : defaultValue;
    }

    private static String zeroDefault(FlagType type) {
        return switch (type) {
            case BOOL -> "false";
            case INT, UINT, UINT16, MEMORY_BYTES, MEMORY_SWAP_BYTES -> "0";
            case DURATION -> "0s";
            default -> "";
        };
    }

    public static FlagSpec bool(String name, String shorthand, String usage) {
        return new FlagSpec(name, sh(shorthand), FlagType.BOOL, "false", usage, false, null, null);
    }

    public static FlagSpec boolTrue(String name, String shorthand, String usage) {
        return new FlagSpec(name, sh(shorthand), FlagType.BOOL, "true", usage, false, null, null);
    }

    public static FlagSpec string(String name, String shorthand, String def, String usage) {
        return new FlagSpec(name, sh(shorthand), FlagType.STRING, def, usage, false, null, null);
    }

    public static FlagSpec list(String name, String shorthand, String usage) {
        return new FlagSpec(name, sh(shorthand), FlagType.STRING_LIST, "", usage, false, null, null);
    }

    public static FlagSpec of(String name, String shorthand, FlagType type, String def, String usage) {
        return new FlagSpec(name, sh(shorthand), type, def, usage, false, null, null);
    }

    public FlagSpec hide() {
        return new FlagSpec(name, shorthand, type, defaultValue, usage, true, deprecated, typeName);
    }

    public FlagSpec deprecate(String message) {
        return new FlagSpec(name, shorthand, type, defaultValue, usage, true, message, typeName);
    }

    public FlagSpec typed(String helpTypeName) {
        return new FlagSpec(name, shorthand, type, defaultValue, usage, hidden, deprecated, helpTypeName);
    }

    public String helpTypeName() {
        return typeName != null ? typeName : type.goTypeName();
    }

    /** pflag's NoOptDefVal: only booleans may be given without a value. */
    public boolean valueOptional() {
        return type == FlagType.BOOL;
    }

    /** The "-m, --memory" / "--cpus" name pflag uses in "invalid argument" errors. */
    public String errorName() {
        return shorthand != null ? "-" + shorthand + ", --" + name : "--" + name;
    }

    private static Character sh(String s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        if (s.length() != 1) {
            throw new IllegalArgumentException("shorthand must be one character: " + s);
        }
        return s.charAt(0);
    }
}
