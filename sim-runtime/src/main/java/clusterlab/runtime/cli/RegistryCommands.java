package clusterlab.runtime.cli;

import clusterlab.kernel.fs.FsException;
import clusterlab.kernel.os.Terminal;
import clusterlab.runtime.image.Image;
import clusterlab.runtime.image.ImageReference;
import clusterlab.runtime.registry.RegistryClient;
import clusterlab.runtime.registry.TransferSettings;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code docker login}, {@code logout} and {@code push}. Credentials live where the real client
 * keeps them, in {@code ~/.docker/config.json} on the machine the client runs on.
 */
final class RegistryCommands {
    static final String HUB_SERVER = "https://index.docker.io/v1/";
    private static final String CONFIG = "/root/.docker/config.json";
    private static final Pattern AUTH = Pattern.compile("\"auth\"\\s*:\\s*\"([A-Za-z0-9+/=]*)\"");

    private RegistryCommands() {}

    static void login(Invocation inv) {
        String user = inv.cmd.changed("username") ? inv.cmd.string("username") : null;
        String password = inv.cmd.changed("password") ? inv.cmd.string("password") : null;
        if (password != null) {
            inv.errln("WARNING! Using --password via the CLI is insecure. Use --password-stdin.");
        }
        if (!inv.args().isEmpty() && !inv.arg(0).contains("docker.io")) {
            inv.errln("Error response from daemon: Get https://" + inv.arg(0) + "/v2/: dial tcp: lookup "
                    + inv.arg(0) + ": no such host");
            inv.exit(1);
            return;
        }
        if (inv.cmd.bool("password-stdin")) {
            if (user == null) {
                inv.errln("Must provide --username with --password-stdin");
                inv.exit(1);
                return;
            }
            StringBuilder in = new StringBuilder();
            final String u = user;
            inv.ctx.readInput(in::append, () -> finishLogin(inv, u, in.toString().strip()));
            return;
        }
        if (user != null && password != null) {
            finishLogin(inv, user, password);
            return;
        }
        if (user == null) {
            inv.out("Login with your Docker ID to push and pull images from Docker Hub. If you don't have a "
                    + "Docker ID, head over to https://hub.docker.com to create one.\n");
        }
        prompt(inv, user, password);
    }

    /** Asks for what is missing, a line at a time, like the real client's prompts. */
    private static void prompt(Invocation inv, String user, String password) {
        if (inv.ctx.process().stdio().in() == null) {
            inv.errln("Error: Cannot perform an interactive login from a non TTY device");
            inv.exit(1);
            return;
        }
        StringBuilder buffer = new StringBuilder();
        String[] answers = {user, password};
        // The password is typed without echo when stdin is the terminal (term.ReadPassword).
        Terminal terminal = inv.ctx.stdinTerminal();
        Runnable askPassword = () -> {
            inv.out("Password: ");
            if (terminal != null) {
                terminal.setEcho(false);
            }
        };
        if (user == null) {
            inv.out("Username: ");
        } else {
            askPassword.run();
        }
        inv.ctx.readInput(text -> {
            buffer.append(text);
            int nl;
            while ((nl = buffer.indexOf("\n")) >= 0 && inv.ctx.process().isAlive()) {
                String line = buffer.substring(0, nl).strip();
                buffer.delete(0, nl + 1);
                if (answers[0] == null) {
                    if (line.isEmpty()) {
                        inv.errln("Error: Non-null Username Required");
                        inv.exit(1);
                        return;
                    }
                    answers[0] = line;
                    askPassword.run();
                } else {
                    answers[1] = line;
                    if (terminal != null) {
                        terminal.setEcho(true);
                    }
                    inv.out("\n");
                    inv.ctx.process().stdio().in().detachReader();
                    finishLogin(inv, answers[0], answers[1]);
                    return;
                }
            }
        }, () -> {
            if (inv.ctx.process().isAlive()) {
                inv.errln("Error: Cannot perform an interactive login from a non TTY device");
                inv.exit(1);
            }
        });
    }

    private static void finishLogin(Invocation inv, String user, String password) {
        if (password == null || password.isEmpty()) {
            inv.errln("Error: Password Required");
            inv.exit(1);
            return;
        }
        if (!inv.engine.hub().authenticate(user, password)) {
            inv.errln("Error response from daemon: Get https://registry-1.docker.io/v2/: unauthorized: "
                    + "incorrect username or password");
            inv.exit(1);
            return;
        }
        String auth = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        inv.ctx.fs().mkdirs("/root/.docker");
        inv.ctx.fs().writeString(CONFIG, "{\n\t\"auths\": {\n\t\t\"" + HUB_SERVER + "\": {\n\t\t\t\"auth\": \"" + auth
                + "\"\n\t\t}\n\t},\n\t\"HttpHeaders\": {\n\t\t\"User-Agent\": \"Docker-Client/18.09.4 (linux)\"\n\t}\n}");
        inv.out("WARNING! Your password will be stored unencrypted in /root/.docker/config.json.\n"
                + "Configure a credential helper to remove this warning. See\n"
                + "https://docs.docker.com/engine/reference/commandline/login/#credentials-store\n\n"
                + "Login Succeeded\n");
        inv.exit(0);
    }

    /** The Docker Hub user this client is logged in as, or null. */
    static String loggedInUser(Invocation inv) {
        String config;
        try {
            config = inv.ctx.fs().readString(CONFIG);
        } catch (FsException e) {
            return null;
        }
        Matcher m = AUTH.matcher(config);
        if (!m.find()) {
            return null;
        }
        String decoded = new String(Base64.getDecoder().decode(m.group(1)), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        return colon < 0 ? null : decoded.substring(0, colon);
    }

    static void logout(Invocation inv) {
        if (loggedInUser(inv) == null) {
            inv.outln("Not logged in to " + HUB_SERVER);
            inv.exit(0);
            return;
        }
        inv.outln("Removing login credentials for " + HUB_SERVER);
        inv.ctx.fs().writeString(CONFIG, "{\n\t\"auths\": {}\n}");
        inv.exit(0);
    }

    static void push(Invocation inv) {
        ImageReference ref;
        try {
            ref = ImageReference.parseNormalized(inv.arg(0));
        } catch (IllegalArgumentException e) {
            inv.errln(e.getMessage());
            inv.exit(1);
            return;
        }
        List<ImageReference> targets = new ArrayList<>();
        if (ref.tag() != null) {
            targets.add(ref);
        } else {
            for (Image image : inv.engine.images().images()) {
                for (ImageReference t : inv.engine.images().tagsOf(image)) {
                    if (t.repository().equals(ref.repository())) {
                        targets.add(t);
                    }
                }
            }
        }
        if (targets.isEmpty() || inv.engine.images().resolve(targets.get(0).familiarString()).isEmpty()) {
            inv.errln("An image does not exist locally with the tag: " + ref.familiarName());
            inv.exit(1);
            return;
        }
        String user = ref.isDockerHub() ? loggedInUser(inv) : null;
        ImagePulls.withRegistry(inv, ref, (registry, settings) -> pushEach(inv, registry, settings, targets, 0, user),
                message -> {
                    inv.outln("The push refers to repository [" + ref.repository() + "]");
                    inv.errln(message);
                    inv.exit(1);
                });
    }

    private static void pushEach(Invocation inv, clusterlab.runtime.registry.Registry registry,
            TransferSettings settings, List<ImageReference> targets, int index, String user) {
        if (index >= targets.size()) {
            inv.exit(0);
            return;
        }
        ImageReference t = targets.get(index);
        Optional<Image> image = inv.engine.images().resolve(t.familiarString());
        RegistryClient client = new RegistryClient(inv.engine.images(), inv.engine.simulation());
        client.push(registry, t, image.orElseThrow(), user, settings, inv::outln, result -> {
            if (!result.ok()) {
                inv.errln(result.error());
                inv.exit(1);
                return;
            }
            pushEach(inv, registry, settings, targets, index + 1, user);
        });
    }
}
