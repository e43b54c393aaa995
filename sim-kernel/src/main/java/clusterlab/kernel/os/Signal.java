package clusterlab.kernel.os;

import java.util.Locale;

/** The signals the simulated programs and the container engine use, with Linux's numbers. */
public enum Signal {
    SIGHUP(1),
    SIGINT(2),
    SIGQUIT(3),
    SIGKILL(9),
    SIGUSR1(10),
    SIGUSR2(12),
    SIGPIPE(13),
    SIGTERM(15),
    SIGCHLD(17),
    SIGCONT(18),
    SIGSTOP(19),
    SIGWINCH(28);

    private final int number;

    Signal(int number) {
        this.number = number;
    }

    public int number() {
        return number;
    }

    /** Exit status of a process ended by this signal, as a shell reports it: 128 + n (143, 137, 130). */
    public int exitStatus() {
        return 128 + number;
    }

    /** SIGKILL and SIGSTOP can be neither caught nor ignored. */
    public boolean isCatchable() {
        return this != SIGKILL && this != SIGSTOP;
    }

    /** What happens when the process has no handler. */
    public boolean terminatesByDefault() {
        return switch (this) {
            case SIGCHLD, SIGCONT, SIGSTOP, SIGWINCH -> false;
            default -> true;
        };
    }

    /** Short name without SIG, as kill -l prints it. */
    public String shortName() {
        return name().substring(3);
    }

    /**
     * Parses {@code TERM}, {@code SIGTERM}, {@code sigterm} or {@code 15}.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static Signal parse(String text) {
        String s = text.strip().toUpperCase(Locale.ROOT);
        if (!s.isEmpty() && s.chars().allMatch(Character::isDigit)) {
            int n = Integer.parseInt(s);
            for (Signal sig : values()) {
                if (sig.number == n) {
                    return sig;
                }
            }
            throw new IllegalArgumentException("invalid signal number: " + text);
        }
        String name = s.startsWith("SIG") ? s : "SIG" + s;
        for (Signal sig : values()) {
            if (sig.name().equals(name)) {
                return sig;
            }
        }
        throw new IllegalArgumentException("invalid signal: " + text);
    }
}
