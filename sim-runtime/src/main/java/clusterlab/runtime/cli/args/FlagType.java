package clusterlab.runtime.cli.args;

/**
 * How a flag's value is parsed, and the type name pflag prints in the help column
 * (Value.Type() after UnquoteUsage's renames: bool prints nothing, int64 prints int).
 */
public enum FlagType {
    BOOL(""),
    STRING("string"),
    /** opts.ListOpts: repeatable, each occurrence appends. */
    STRING_LIST("list"),
    INT("int"),
    UINT("uint"),
    UINT16("uint16"),
    /** Go time.Duration syntax ("10s", "1m30s"). */
    DURATION("duration"),
    /** opts.MemBytes: units.RAMInBytes ("512m", "1g"). */
    MEMORY_BYTES("bytes"),
    /** opts.MemSwapBytes: like MEMORY_BYTES but "-1" means unlimited. */
    MEMORY_SWAP_BYTES("bytes"),
    /** opts.NanoCPUs: a rational number of CPUs, stored in billionths. */
    NANO_CPUS("decimal"),
    /** Go float64 (strconv.ParseFloat). */
    FLOAT("float"),
    /** opts.MapOpts: repeatable key=value. */
    MAP("map"),
    /** opts.FilterOpt: repeatable name=value, checked for the '='. */
    FILTER("filter");

    private final String goTypeName;

    FlagType(String goTypeName) {
        this.goTypeName = goTypeName;
    }

    public String goTypeName() {
        return goTypeName;
    }

    public boolean repeatable() {
        return this == STRING_LIST || this == MAP || this == FILTER;
    }
}
