package clusterlab.kernel.programs.servers;

import java.util.List;
import java.util.Locale;

/**
 * The packages the simulated PyPI has (what the course installs): Flask 1.0.3 with its
 * dependencies and requests 2.22.0 with its own, at the versions pip picked in May 2019.
 */
final class PipCatalog {
    /** One file of an installed package: path under site-packages and size. */
    record PackageFile(String path, int sizeBytes) {}

    /**
     * A distribution: its project name (as in its metadata), version, the archive pip downloads,
     * the archive's size, its requirements, and the files it installs.
     */
    record Dist(String project, String version, String archive, int archiveBytes, List<String> requires,
            List<PackageFile> files, String script) {
        boolean isSdist() {
            return archive.endsWith(".tar.gz");
        }

        String distInfo() {
            return project.replace('-', '_') + "-" + version + ".dist-info";
        }
    }

    static final List<Dist> DISTS = List.of(
            new Dist("Flask", "1.0.3", "Flask-1.0.3-py2.py3-none-any.whl", 92_500,
                    List.of("Werkzeug>=0.14", "Jinja2>=2.10", "itsdangerous>=0.24", "click>=5.1"),
                    List.of(new PackageFile("flask/__init__.py", 1_720), new PackageFile("flask/app.py", 91_976),
                            new PackageFile("flask/cli.py", 29_961), new PackageFile("flask/helpers.py", 40_683),
                            new PackageFile("flask/wrappers.py", 7_220)), "flask"),
            new Dist("Werkzeug", "0.15.4", "Werkzeug-0.15.4-py2.py3-none-any.whl", 327_900, List.of(),
                    List.of(new PackageFile("werkzeug/__init__.py", 6_939), new PackageFile("werkzeug/serving.py", 38_573),
                            new PackageFile("werkzeug/routing.py", 77_521), new PackageFile("werkzeug/wrappers/__init__.py", 1_471),
                            new PackageFile("werkzeug/exceptions.py", 23_733)), null),
            new Dist("Jinja2", "2.10.1", "Jinja2-2.10.1-py2.py3-none-any.whl", 124_900, List.of("MarkupSafe>=0.23"),
                    List.of(new PackageFile("jinja2/__init__.py", 2_614), new PackageFile("jinja2/environment.py", 50_863),
                            new PackageFile("jinja2/compiler.py", 66_284), new PackageFile("jinja2/runtime.py", 27_923)), null),
            new Dist("MarkupSafe", "1.1.1", "MarkupSafe-1.1.1.tar.gz", 19_800, List.of(),
                    List.of(new PackageFile("markupsafe/__init__.py", 10_369), new PackageFile("markupsafe/_native.py", 1_911),
                            new PackageFile("markupsafe/_compat.py", 558)), null),
            new Dist("itsdangerous", "1.1.0", "itsdangerous-1.1.0-py2.py3-none-any.whl", 16_700, List.of(),
                    List.of(new PackageFile("itsdangerous/__init__.py", 1_254), new PackageFile("itsdangerous/signer.py", 6_345),
                            new PackageFile("itsdangerous/serializer.py", 8_653)), null),
            new Dist("Click", "7.0", "Click-7.0-py2.py3-none-any.whl", 81_300, List.of(),
                    List.of(new PackageFile("click/__init__.py", 2_463), new PackageFile("click/core.py", 75_759),
                            new PackageFile("click/termui.py", 23_298), new PackageFile("click/types.py", 23_080)), null),
            new Dist("requests", "2.22.0", "requests-2.22.0-py2.py3-none-any.whl", 57_900,
                    List.of("chardet<3.1.0,>=3.0.2", "idna<2.9,>=2.5", "urllib3!=1.25.0,!=1.25.1,<1.26,>=1.21.1",
                            "certifi>=2017.4.17"),
                    List.of(new PackageFile("requests/__init__.py", 4_141), new PackageFile("requests/api.py", 6_253),
                            new PackageFile("requests/sessions.py", 29_332), new PackageFile("requests/models.py", 34_287)), null),
            new Dist("chardet", "3.0.4", "chardet-3.0.4-py2.py3-none-any.whl", 133_400, List.of(),
                    List.of(new PackageFile("chardet/__init__.py", 1_559), new PackageFile("chardet/universaldetector.py", 12_485)),
                    "chardetect"),
            new Dist("idna", "2.8", "idna-2.8-py2.py3-none-any.whl", 58_600, List.of(),
                    List.of(new PackageFile("idna/__init__.py", 58), new PackageFile("idna/core.py", 11_951),
                            new PackageFile("idna/idnadata.py", 40_899)), null),
            new Dist("urllib3", "1.25.3", "urllib3-1.25.3-py2.py3-none-any.whl", 150_900, List.of(),
                    List.of(new PackageFile("urllib3/__init__.py", 2_683), new PackageFile("urllib3/connectionpool.py", 35_725),
                            new PackageFile("urllib3/poolmanager.py", 16_964)), null),
            new Dist("certifi", "2019.3.9", "certifi-2019.3.9-py2.py3-none-any.whl", 158_300, List.of(),
                    List.of(new PackageFile("certifi/__init__.py", 52), new PackageFile("certifi/cacert.pem", 273_118),
                            new PackageFile("certifi/core.py", 218)), null));

    private PipCatalog() {}

    /** PEP 503 normalization: case-insensitive, runs of -_. equal. */
    static String normalize(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
    }

    static Dist find(String name) {
        for (Dist d : DISTS) {
            if (normalize(d.project()).equals(normalize(name))) {
                return d;
            }
        }
        return null;
    }

    /** The project name at the start of a requirement such as {@code Jinja2>=2.10}. */
    static String nameOf(String requirement) {
        int i = 0;
        while (i < requirement.length() && (Character.isLetterOrDigit(requirement.charAt(i))
                || "-_.".indexOf(requirement.charAt(i)) >= 0)) {
            i++;
        }
        return requirement.substring(0, i);
    }
}
