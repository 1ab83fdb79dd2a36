package io.athanor.orm.test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The machine's PostgreSQL server programs ({@code initdb}, {@code pg_ctl}, {@code postgres}) and how to
 * run them: as the current user, or, when that is root (which {@code initdb} and {@code postgres} refuse),
 * as an unprivileged OS user through {@code runuser} or {@code su}. Each command's output is appended to
 * a log file, whose tail goes into the error when a command fails.
 */
final class PostgresTools {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresTools.class);
    static final String BINDIR_PROPERTY = "athanor.test.pg.bindir";
    static final String BINDIR_ENV = "ATHANOR_TEST_PG_BINDIR";
    private static final List<String> PROGRAMS = List.of("initdb", "pg_ctl", "postgres");
    private static final Pattern VERSION_DIR = Pattern.compile(".*?(\\d+)(?:\\.(\\d+))?");
    private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_.,/:=@%+-]+");

    private final Path binDir;
    private final String osUser;
    private final Path commandLog;

    PostgresTools(Path binDir, String osUser, Path commandLog) {
        this.binDir = binDir;
        this.osUser = osUser;
        this.commandLog = commandLog;
    }

    Path binDir() {
        return binDir;
    }

    /** The OS user the server runs as, or {@code null} for the current one. */
    String osUser() {
        return osUser;
    }

    /**
     * The directory holding the server programs: the one named by {@code athanor.test.pg.bindir} or
     * {@code ATHANOR_TEST_PG_BINDIR}; else {@code pg_config --bindir}; else the newest
     * {@code /usr/lib/postgresql/<version>/bin} (and the usual places on other systems); else one on the PATH.
     *
     * @throws IllegalStateException when there is none, saying how to provide one
     */
    static Path findBinDir() {
        String explicit = System.getProperty(BINDIR_PROPERTY, System.getenv(BINDIR_ENV));
        if (explicit != null && !explicit.isBlank()) {
            Path dir = Path.of(explicit.strip());
            if (!complete(dir)) {
                throw new IllegalStateException(BINDIR_ENV + " / " + BINDIR_PROPERTY + " names " + dir + ", which does not hold "
                        + "the PostgreSQL server programs " + PROGRAMS + ". Point it at the directory that does "
                        + "(pg_config --bindir prints it), or install PostgreSQL's server package (Debian/Ubuntu: apt-get "
                        + "install postgresql; Fedora/RHEL: dnf install postgresql-server; macOS: brew install postgresql@16) "
                        + "and unset it.");
            }
            return dir;
        }
        List<Path> candidates = new ArrayList<>();
        Path fromPgConfig = pgConfigBinDir();
        if (fromPgConfig != null) {
            candidates.add(fromPgConfig);
        }
        candidates.addAll(versioned(Path.of("/usr/lib/postgresql"), "", "bin"));
        candidates.addAll(versioned(Path.of("/usr"), "pgsql-", "bin"));
        candidates.add(Path.of("/usr/local/pgsql/bin"));
        candidates.addAll(versioned(Path.of("/opt/homebrew/opt"), "postgresql@", "bin"));
        candidates.addAll(versioned(Path.of("/usr/local/opt"), "postgresql@", "bin"));
        String path = System.getenv("PATH");
        if (path != null) {
            for (String entry : path.split(java.io.File.pathSeparator)) {
                if (!entry.isBlank()) {
                    candidates.add(Path.of(entry));
                }
            }
        }
        for (Path dir : candidates) {
            if (complete(dir)) {
                return dir;
            }
        }
        throw new IllegalStateException("No PostgreSQL server programs (" + String.join(", ", PROGRAMS) + ") were found on this "
                + "machine, so no throwaway PostgreSQL can be started. Install PostgreSQL's server package (Debian/Ubuntu: "
                + "apt-get install postgresql; Fedora/RHEL: dnf install postgresql-server; macOS: brew install postgresql@16), "
                + "or set " + BINDIR_ENV + " (or -D" + BINDIR_PROPERTY + "=...) to the directory that holds them. "
                + "Looked in: pg_config --bindir, /usr/lib/postgresql/<version>/bin, /usr/pgsql-<version>/bin, "
                + "/usr/local/pgsql/bin, Homebrew's postgresql@<version>, and the PATH.");
    }

    private static boolean complete(Path dir) {
        for (String program : PROGRAMS) {
            Path p = dir.resolve(program);
            if (!Files.isRegularFile(p) || !Files.isExecutable(p)) {
                return false;
            }
        }
        return true;
    }

    private static Path pgConfigBinDir() {
        try {
            Process p = new ProcessBuilder("pg_config", "--bindir").redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readNBytes(4096);
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            String dir = new String(out, StandardCharsets.UTF_8).strip();
            return p.exitValue() == 0 && !dir.isEmpty() ? Path.of(dir) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** {@code parent/<prefix><version>/<sub>} for each version installed, newest first. */
    private static List<Path> versioned(Path parent, String prefix, String sub) {
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(parent)) {
            return found;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(parent, prefix + "*")) {
            for (Path d : dirs) {
                if (VERSION_DIR.matcher(d.getFileName().toString().substring(prefix.length())).matches()) {
                    found.add(d.resolve(sub));
                }
            }
        } catch (IOException e) {
            return found;
        }
        found.sort(Comparator.comparingLong((Path p) -> versionKey(p.getParent().getFileName().toString().substring(prefix.length())))
                .reversed());
        return found;
    }

    private static long versionKey(String version) {
        Matcher m = VERSION_DIR.matcher(version);
        if (!m.matches()) {
            return 0;
        }
        return Long.parseLong(m.group(1)) * 1000 + (m.group(2) == null ? 0 : Long.parseLong(m.group(2)));
    }

    /**
     * Checks that {@code binDir} holds {@code program}, which only some uses need (e.g. {@code pg_basebackup}).
     *
     * @throws IllegalStateException if it does not, naming the package that has it
     */
    static void require(Path binDir, String program, String purpose) {
        Path p = binDir.resolve(program);
        if (!Files.isRegularFile(p) || !Files.isExecutable(p)) {
            throw new IllegalStateException(binDir + " holds no " + program + ", which " + purpose + " needs. Install "
                    + "PostgreSQL's client programs next to the server (Debian/Ubuntu: apt-get install postgresql-client; "
                    + "Fedora/RHEL: dnf install postgresql; macOS: brew install postgresql@16), or set " + BINDIR_ENV
                    + " (or -D" + BINDIR_PROPERTY + "=...) to a directory that holds it with the server programs.");
        }
    }

    /** A TCP port of {@code host} that nothing listens on now. */
    static int freePort(String host) {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(host))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("Could not find a free port on " + host + ": " + e.getMessage(), e);
        }
    }

    /** Deletes {@code root} and everything under it, logging (not throwing) what cannot be deleted. */
    static void deleteTree(Path root) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            LOG.warn("Could not delete the temporary directory {}: {}", root, e.getMessage());
        }
    }

    /**
     * Starts {@code command} (a long-running program, e.g. {@code pgbouncer}) as the server's OS user, in
     * the command log's directory, with its output appended to {@code output}; the caller stops it.
     */
    Process launch(List<String> command, Path output) throws IOException {
        List<String> launched = asServerUser(command);
        Files.writeString(commandLog, "$ " + String.join(" ", launched) + System.lineSeparator(), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        Process p = new ProcessBuilder(launched)
                .directory(commandLog.getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()))
                .start();
        p.getOutputStream().close();
        return p;
    }

    /** Whether this JVM runs as root, which the server programs refuse. */
    static boolean runningAsRoot() {
        if ("root".equals(System.getProperty("user.name"))) {
            return true;
        }
        try {
            Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            return uid instanceof Integer && (Integer) uid == 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }

    /** The OS user {@code name}, for making it the owner of the data directory. */
    static UserPrincipal lookupUser(Path anyFile, String name) {
        try {
            return anyFile.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(name);
        } catch (IOException e) {
            throw new IllegalStateException("This JVM runs as root, and PostgreSQL's server refuses to run as root, so the "
                    + "throwaway PostgreSQL runs as the OS user '" + name + "', which does not exist here (" + e.getMessage()
                    + "). Create it (useradd --system " + name + ") or name another with -D" + ThrowawayPostgres.OS_USER_PROPERTY
                    + "=..., or run the tests as an ordinary user.", e);
        }
    }

    /**
     * Runs {@code program} (a server program's name) with {@code args}, as the server's OS user, appending its
     * output to the command log.
     *
     * @throws IllegalStateException if it fails or outlasts {@code timeout}, with the log's last lines
     */
    void run(Duration timeout, String program, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(binDir.resolve(program).toString());
        command.addAll(args);
        List<String> launched = asServerUser(command);
        try {
            Files.writeString(commandLog, "$ " + String.join(" ", launched) + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            Process p = new ProcessBuilder(launched)
                    .directory(commandLog.getParent().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(commandLog.toFile()))
                    .start();
            p.getOutputStream().close();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(program + " " + String.join(" ", args) + " did not finish within "
                        + timeout.toSeconds() + " s." + tail(commandLog));
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException(program + " " + String.join(" ", args) + " failed with exit code "
                        + p.exitValue() + "." + tail(commandLog));
            }
        } catch (IOException e) {
            throw new IllegalStateException("Could not run " + command.get(0) + ": " + e.getMessage() + tail(commandLog), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + program, e);
        }
    }

    private List<String> asServerUser(List<String> command) {
        if (osUser == null) {
            return command;
        }
        for (String runuser : List.of("/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser", "/bin/runuser")) {
            if (Files.isExecutable(Path.of(runuser))) {
                List<String> wrapped = new ArrayList<>(List.of(runuser, "-u", osUser, "--"));
                wrapped.addAll(command);
                return wrapped;
            }
        }
        StringBuilder line = new StringBuilder();
        for (String part : command) {
            line.append(line.length() == 0 ? "" : " ").append(shellQuote(part));
        }
        return List.of("su", osUser, "-s", "/bin/sh", "-c", line.toString());
    }

    /** {@code value} quoted for a POSIX shell where it needs it. */
    static String shellQuote(String value) {
        if (!value.isEmpty() && SHELL_SAFE.matcher(value).matches()) {
            return value;
        }
        return "'" + value.replace("'", "'\\''") + "'";
    }

    /** The last lines of {@code log}, as a paragraph for an error message (empty if there is no log). */
    static String tail(Path log) {
        try {
            if (!Files.isRegularFile(log)) {
                return "";
            }
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            int from = Math.max(0, lines.size() - 25);
            return "\nLast lines of " + log + ":\n  " + String.join("\n  ", lines.subList(from, lines.size()));
        } catch (IOException | java.io.UncheckedIOException e) {
            return "\n(" + log + " could not be read: " + e.getMessage() + ")";
        }
    }
}
