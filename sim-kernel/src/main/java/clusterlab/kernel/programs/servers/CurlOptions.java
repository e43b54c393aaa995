package clusterlab.kernel.programs.servers;

import clusterlab.kernel.Time;
import java.util.ArrayList;
import java.util.List;

/** curl's command line, parsed the way curl 7.64 reads it (short flags may be bundled: {@code -sS}). */
final class CurlOptions {
    /** Longest command line looked at. */
    private static final int MAX_ARGS = 1024;

    boolean silent;
    boolean showError;
    boolean include;
    boolean verbose;
    boolean head;
    boolean fail;
    String method;
    String data;
    String userAgent = "curl/7.64.0";
    final List<String> headers = new ArrayList<>();
    String output;
    long connectTimeoutNanos = -1;
    long maxTimeNanos = -1;
    final List<String> urls = new ArrayList<>();
    boolean version;
    /** Set when parsing failed: what curl prints (without the "try --help" line) and exit 2. */
    String error;

    static CurlOptions parse(List<String> args) {
        CurlOptions o = new CurlOptions();
        int n = Math.min(args.size(), MAX_ARGS);
        for (int i = 0; i < n && o.error == null; i++) {
            String a = args.get(i);
            if (a.startsWith("--") && a.length() > 2) {
                String name = a.substring(2);
                if (takesValue(longToShort(name))) {
                    if (i + 1 >= n) {
                        o.error = "curl: option " + a + ": requires parameter";
                        break;
                    }
                    o.apply(longToShort(name), a, args.get(++i));
                } else {
                    o.flag(longToShort(name), a);
                }
            } else if (a.startsWith("-") && a.length() > 1) {
                for (int k = 1; k < a.length() && o.error == null; k++) {
                    char c = a.charAt(k);
                    String key = String.valueOf(c);
                    if (takesValue(key)) {
                        String value = a.substring(k + 1);
                        if (value.isEmpty()) {
                            if (i + 1 >= n) {
                                o.error = "curl: option -" + c + ": requires parameter";
                                break;
                            }
                            value = args.get(++i);
                        }
                        o.apply(key, "-" + c, value);
                        break;
                    }
                    o.flag(key, "-" + c);
                }
            } else {
                o.urls.add(a);
            }
        }
        return o;
    }

    private static String longToShort(String name) {
        return switch (name) {
            case "silent" -> "s";
            case "show-error" -> "S";
            case "include" -> "i";
            case "verbose" -> "v";
            case "head" -> "I";
            case "fail" -> "f";
            case "request" -> "X";
            case "data", "data-raw", "data-binary", "data-ascii" -> "d";
            case "header" -> "H";
            case "output" -> "o";
            case "user-agent" -> "A";
            case "max-time" -> "m";
            case "connect-timeout" -> "connect-timeout";
            case "version" -> "V";
            default -> "--" + name;
        };
    }

    private static boolean takesValue(String key) {
        return switch (key) {
            case "X", "d", "H", "o", "A", "m", "connect-timeout" -> true;
            default -> false;
        };
    }

    private void flag(String key, String spelled) {
        switch (key) {
            case "s" -> silent = true;
            case "S" -> showError = true;
            case "i" -> include = true;
            case "v" -> verbose = true;
            case "I" -> head = true;
            case "f" -> fail = true;
            case "V" -> version = true;
            default -> error = "curl: option " + spelled + ": is unknown";
        }
    }

    private void apply(String key, String spelled, String value) {
        switch (key) {
            case "X" -> method = value;
            case "d" -> data = data == null ? value : data + "&" + value;
            case "H" -> headers.add(value);
            case "o" -> output = value;
            case "A" -> userAgent = value;
            case "m" -> maxTimeNanos = seconds(spelled, value);
            case "connect-timeout" -> connectTimeoutNanos = seconds(spelled, value);
            default -> error = "curl: option " + spelled + ": is unknown";
        }
    }

    private long seconds(String spelled, String value) {
        if (!value.matches("\\d{1,9}(\\.\\d{0,9})?")) {
            error = "curl: option " + spelled + ": expected a proper numerical parameter";
            return -1;
        }
        return Time.parseDuration(value + "s");
    }
}
