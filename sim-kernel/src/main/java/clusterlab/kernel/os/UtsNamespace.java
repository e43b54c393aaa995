package clusterlab.kernel.os;

/** Hostname and NIS domain name: what {@code hostname} prints and sets. */
public final class UtsNamespace extends Namespace {
    /** Linux's HOST_NAME_MAX. */
    public static final int HOST_NAME_MAX = 64;

    private String hostname;
    private String domainName = "(none)";

    UtsNamespace(long inode, String hostname) {
        super(NamespaceKind.UTS, inode);
        setHostname(hostname);
    }

    public String hostname() {
        return hostname;
    }

    public void setHostname(String name) {
        if (name == null || name.isEmpty() || name.length() > HOST_NAME_MAX) {
            throw new IllegalArgumentException("invalid hostname: " + name);
        }
        this.hostname = name;
    }

    public String domainName() {
        return domainName;
    }

    public void setDomainName(String name) {
        this.domainName = name;
    }

    UtsNamespace copy(long inode) {
        UtsNamespace c = new UtsNamespace(inode, hostname);
        c.domainName = domainName;
        return c;
    }
}
