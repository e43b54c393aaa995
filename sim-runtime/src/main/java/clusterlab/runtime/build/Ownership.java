package clusterlab.runtime.build;

import clusterlab.kernel.fs.Layer;
import clusterlab.kernel.fs.OverlayFs;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * COPY and ADD's {@code --chown=user[:group]}: numeric ids, or names looked up in the image's own
 * {@code /etc/passwd} and {@code /etc/group}, as the daemon does.
 */
final class Ownership {
    private Ownership() {}

    /**
     * @return {uid, gid}; {0, 0} without --chown
     * @throws IllegalArgumentException with Docker's message for an unknown name
     */
    static int[] parse(String chown, List<Layer> image, LongSupplier clock) {
        if (chown == null) {
            return new int[] {0, 0};
        }
        String user = chown.contains(":") ? chown.substring(0, chown.indexOf(':')) : chown;
        String group = chown.contains(":") ? chown.substring(chown.indexOf(':') + 1) : user;
        OverlayFs fs = new OverlayFs(image, clock);
        int uid = lookup(fs, user, "/etc/passwd", "uid for user", "user");
        // user alone: the group is the user's primary group in passwd, or its uid when numeric
        int gid = chown.contains(":") ? lookup(fs, group, "/etc/group", "gid for group", "group")
                : primaryGroup(fs, user, uid);
        return new int[] {uid, gid};
    }

    private static int primaryGroup(OverlayFs fs, String user, int uid) {
        String[] f = passwdLine(fs, "/etc/passwd", user);
        return f != null && f.length > 3 && f[3].matches("[0-9]{1,9}") ? Integer.parseInt(f[3]) : uid;
    }

    private static int lookup(OverlayFs fs, String name, String file, String what, String kind) {
        if (name.matches("[0-9]{1,9}")) {
            return Integer.parseInt(name);
        }
        String[] f = passwdLine(fs, file, name);
        if (f != null && f.length > 2 && f[2].matches("[0-9]{1,9}")) {
            return Integer.parseInt(f[2]);
        }
        throw new IllegalArgumentException("unable to convert uid/gid chown string to host mapping: can't find "
                + what + " " + name + ": no such " + kind + ": " + name);
    }

    private static String[] passwdLine(OverlayFs fs, String file, String name) {
        if (!fs.exists(file)) {
            return null;
        }
        for (String line : fs.readString(file).split("\n")) {
            String[] f = line.split(":");
            if (f.length > 2 && f[0].equals(name)) {
                return f;
            }
        }
        return null;
    }
}
