package clusterlab.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One machine's terminal as the app shows it: the screen text (escape sequences resolved to plain
 * text) and the command history of its input line. Lives on the FX thread; the screen only grows
 * through {@link #append} with output the simulation thread produced.
 */
public final class TerminalViewModel {
    /** How much of a terminal's scrollback the app keeps (a TextArea slows down beyond this). */
    static final int SCROLLBACK_CHARS = 200_000;

    private final String node;
    private final ReadOnlyStringWrapper screen = new ReadOnlyStringWrapper("");
    private final StringBuilder text = new StringBuilder();
    private final List<String> history = new ArrayList<>();
    /** Position while browsing history with Up/Down; history.size() means "a new line". */
    private int historyPosition;

    public TerminalViewModel(String node) {
        this.node = node;
    }

    public String node() {
        return node;
    }

    public ReadOnlyStringProperty screenProperty() {
        return screen.getReadOnlyProperty();
    }

    public String screen() {
        return screen.get();
    }

    /** Adds terminal output: a clear-screen starts the text over (top, watch redraw), other escapes go. */
    public void append(String raw) {
        if (raw.isEmpty()) {
            return;
        }
        int clear = raw.lastIndexOf("\u001b[2J");
        if (clear >= 0) {
            text.setLength(0);
            raw = raw.substring(clear + 4);
        }
        text.append(plain(raw));
        if (text.length() > SCROLLBACK_CHARS) {
            text.delete(0, text.length() - SCROLLBACK_CHARS);
        }
        screen.set(text.toString());
    }

    /** Strips CSI/OSC escape sequences and carriage returns: the output area is plain text. */
    static String plain(String raw) {
        return raw.replaceAll("\u001b\\[[0-9;?]*[A-Za-z]", "")
                .replaceAll("\u001b\\][^\u0007]*\u0007", "")
                .replace("\r\n", "\n")
                .replace("\r", "");
    }

    /** Remembers a line typed on this terminal (blank lines and repeats are not kept, as in bash). */
    public void remember(String line) {
        if (!line.isBlank() && (history.isEmpty() || !history.get(history.size() - 1).equals(line))) {
            history.add(line);
        }
        historyPosition = history.size();
    }

    /** The line before the one shown (Up), or the oldest when already there. */
    public String historyUp() {
        if (history.isEmpty()) {
            return "";
        }
        historyPosition = Math.max(0, historyPosition - 1);
        return history.get(historyPosition);
    }

    /** The line after the one shown (Down); an empty line past the newest. */
    public String historyDown() {
        historyPosition = Math.min(history.size(), historyPosition + 1);
        return historyPosition == history.size() ? "" : history.get(historyPosition);
    }

    public List<String> history() {
        return List.copyOf(history);
    }
}
