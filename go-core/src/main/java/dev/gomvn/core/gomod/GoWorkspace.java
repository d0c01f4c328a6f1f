package dev.gomvn.core.gomod;

import dev.gomvn.core.ConfigurationException;
import dev.gomvn.core.EnvironmentException;
import dev.gomvn.core.env.GoEnvironment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The workspace a go command started in a module's directory runs in, found exactly as go finds it
 * ({@code cmd/go/internal/modload} FindGoWork): GOWORK as go reads it (a non-empty environment
 * variable, else the GOENV file, else {@code $GOROOT/go.env}); {@code off} disables workspace mode,
 * an absolute path selects that file (a relative one go refuses), empty or {@code auto} searches the
 * directory and its parents for go.work without crossing into GOROOT.
 *
 * <p>In workspace mode go reads every used module's go.mod and go.sum plus go.work.sum beside go.work,
 * and the one file it writes is go.work.sum: any command that fetches a module it has no line for adds
 * that line there, {@code -mod=readonly} does not prevent it, and {@code -modfile} is refused. A check
 * that must never change the user's files therefore runs go against a {@link #scratchCopy() scratch
 * copy}: a temporary go.work naming the same module directories by absolute path, next to a copy of
 * go.work.sum. Go then reads the modules' go.mod and go.sum where they are (it never writes them in
 * workspace mode) and writes only the copy of go.work.sum, whose new lines are the ones the workspace
 * lacked. This is workspace mode with the user's own files, not a GOWORK=off approximation.
 */
public final class GoWorkspace {
    private final Path file;
    private final GoWorkFile workFile;
    private Map<String, Path> usedModules;

    private GoWorkspace(Path file) {
        this.file = file;
        this.workFile = GoWorkFile.parse(file);
    }

    /** The go.work that applies to a go command run in {@code directory}; none with GOWORK=off or when none is found. */
    public static Optional<Path> find(Path directory, Map<String, String> environment, Path goRoot) {
        String gowork = GoEnvironment.setting("GOWORK", environment, goRoot);
        if (gowork.equals("off")) {
            return Optional.empty();
        }
        if (!gowork.isEmpty() && !gowork.equals("auto")) {
            Path selected = Path.of(gowork);
            if (!selected.isAbsolute()) {
                throw new ConfigurationException(
                        "GOWORK",
                        "GOWORK=" + gowork + " is not an absolute path, which go refuses ('go: invalid GOWORK: "
                                + "not an absolute path'). Fix: set GOWORK to the absolute path of a go.work file, to off, "
                                + "or leave it empty to use the go.work above the module.");
            }
            return Optional.of(selected.normalize());
        }
        Path root = goRoot.toAbsolutePath().normalize();
        Path current = directory.toAbsolutePath().normalize();
        while (current != null) {
            Path candidate = current.resolve("go.work");
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
            Path parent = current.getParent();
            if (parent != null && parent.equals(root)) {
                return Optional.empty();
            }
            current = parent;
        }
        return Optional.empty();
    }

    /** The workspace of {@link #find}, read. */
    public static Optional<GoWorkspace> of(Path directory, Map<String, String> environment, Path goRoot) {
        return find(directory, environment, goRoot).map(GoWorkspace::new);
    }

    public Path file() {
        return file;
    }

    public Path directory() {
        return file.toAbsolutePath().getParent();
    }

    /** go.work.sum: sums go needed that no module's go.sum holds; it may be absent. */
    public Path sumFile() {
        return file.resolveSibling(file.getFileName() + ".sum");
    }

    public GoWorkFile workFile() {
        return workFile;
    }

    /** The directories of the workspace's modules ({@code use}). */
    public List<Path> moduleDirectories() {
        return workFile.useDirectories();
    }

    /** Whether go counts {@code moduleDirectory} as one of the workspace's modules; go refuses to build in any other. */
    public boolean uses(Path moduleDirectory) {
        Path module = moduleDirectory.toAbsolutePath().normalize();
        return moduleDirectories().stream().anyMatch(module::equals);
    }

    /** Why go refuses to build in a module directory that is not one of the workspace's modules, and the fix. */
    public String notOneOfItsModules(Path moduleDirectory) {
        Path module = moduleDirectory.toAbsolutePath().normalize();
        return module + " lies in the workspace " + file
                + " but is not one of its modules, so go build there fails ('current directory is contained "
                + "in a module that is not one of the workspace modules listed in go.work'). Fix: run 'go work use "
                + directory().relativize(module) + "' in " + directory()
                + " and commit go.work, or set GOWORK=off in the go-maven-plugin <environment>.";
    }

    /** Every file go takes sums from in this workspace: each module's go.sum, then go.work.sum; some may be absent. */
    public List<Path> sumFiles() {
        List<Path> files = new ArrayList<>();
        moduleDirectories().forEach(module -> files.add(module.resolve("go.sum")));
        files.add(sumFile());
        return files;
    }

    /** The user's files go reads here: go.work, go.work.sum and each module's go.mod and go.sum. */
    public List<Path> files() {
        List<Path> files = new ArrayList<>(List.of(file, sumFile()));
        for (Path module : moduleDirectories()) {
            files.add(module.resolve("go.mod"));
            files.add(module.resolve("go.sum"));
        }
        return files;
    }

    /** The module path of each module the workspace uses, with its directory; a go.mod go cannot read counts as none. */
    public Map<String, Path> usedModules() {
        // Read once: requirementsNeedingSums asks for every requirement of a module.
        if (usedModules == null) {
            Map<String, Path> modules = new LinkedHashMap<>();
            for (Path module : moduleDirectories()) {
                readGoMod(module.resolve("go.mod"))
                        .flatMap(GoModFile::modulePath)
                        .ifPresent(path -> modules.putIfAbsent(path, module));
            }
            usedModules = Collections.unmodifiableMap(modules);
        }
        return usedModules;
    }

    /**
     * Whether {@code path} is the module path of one of the workspace's modules: a requirement on it is met by that
     * module's directory (go builds with it, at whatever version go.mod names), so it needs no sum line.
     */
    public boolean providesModule(String path) {
        return usedModules().containsKey(path);
    }

    /** The {@code replace} directives of go.work and of every module's go.mod, which all apply in workspace mode. */
    public List<ReplaceDirective> replaces() {
        List<ReplaceDirective> replaces = new ArrayList<>();
        workFile.replaces().forEach(r -> replaces.add(new ReplaceDirective(file, r)));
        for (Path module : moduleDirectories()) {
            Path goMod = module.resolve("go.mod");
            readGoMod(goMod)
                    .ifPresent(parsed -> parsed.replaces().forEach(r -> replaces.add(new ReplaceDirective(goMod, r))));
        }
        return replaces;
    }

    private static Optional<GoModFile> readGoMod(Path goMod) {
        if (!Files.isRegularFile(goMod)) {
            return Optional.empty();
        }
        try {
            return Optional.of(GoModFile.parse(goMod));
        } catch (GoModParseException e) {
            // go reports a broken go.mod itself; what it says cannot count.
            return Optional.empty();
        }
    }

    /**
     * {@code replace} lines that point each requirement on a workspace module (app requires lib v0.0.0, both used)
     * at that module's directory. go build already takes the workspace's lib, but 'go mod download' and 'go mod
     * verify' would ask the module proxy for lib@v0.0.0, which exists nowhere; with these lines they take the
     * directory too, as the build does. A requirement go.work already replaces keeps go.work's replacement.
     */
    private String workspaceModuleReplacements() {
        Map<String, Path> used = usedModules();
        StringBuilder lines = new StringBuilder();
        Set<String> written = new HashSet<>();
        for (Path module : moduleDirectories()) {
            for (GoModFile.Requirement required :
                    readGoMod(module.resolve("go.mod")).map(GoModFile::requires).orElse(List.of())) {
                Path directory = used.get(required.path());
                boolean replaced = workFile.replaces().stream()
                        .anyMatch(r -> r.oldPath().equals(required.path())
                                && (r.oldVersion() == null || r.oldVersion().equals(required.version())));
                if (directory != null && !replaced && written.add(required.path() + " " + required.version())) {
                    lines.append("replace ")
                            .append(required.path())
                            .append(' ')
                            .append(required.version())
                            .append(" => ")
                            .append(GoWorkFile.quoted(directory))
                            .append('\n');
                }
            }
        }
        return lines.toString();
    }

    /** A {@code replace} directive and the file it is written in: go.work or a module's go.mod. */
    public record ReplaceDirective(Path file, GoModFile.Replacement replacement) {
        /** The directory it points to, resolved as go does: against the directory of the file it is written in. */
        public Optional<Path> localDirectory() {
            return replacement.isLocalDirectory()
                    ? Optional.of(file.toAbsolutePath()
                            .getParent()
                            .resolve(replacement.newPath())
                            .normalize())
                    : Optional.empty();
        }
    }

    /**
     * A temporary go.work meaning the same as this one (plus the replacements of {@link
     * #workspaceModuleReplacements}), beside a copy of go.work.sum: with
     * {@code GOWORK} pointing at it, go judges the module exactly as in the user's workspace but can
     * write nothing of the user's. Close it to delete it.
     */
    public Scratch scratchCopy() {
        try {
            Path directory = Files.createTempDirectory("gomvn-gowork-");
            Path copy = directory.resolve("go.work");
            Files.writeString(
                    copy,
                    "// Temporary copy of " + file
                            + " made by gomvn: paths are absolute, so go reads the same modules\n"
                            + "// and writes only the go.work.sum beside this file.\n"
                            + workFile.withAbsolutePaths()
                            + "\n"
                            + workspaceModuleReplacements(),
                    StandardCharsets.UTF_8);
            if (Files.isRegularFile(sumFile())) {
                Files.copy(sumFile(), directory.resolve("go.work.sum"));
            }
            return new Scratch(copy);
        } catch (IOException e) {
            throw new EnvironmentException(
                    "Could not copy " + file + " and go.work.sum to a temporary directory: " + e.getMessage(), e);
        }
    }

    /** A temporary go.work and go.work.sum; {@link #environment} makes go use them. */
    public static final class Scratch implements AutoCloseable {
        private final Path workFile;

        private Scratch(Path workFile) {
            this.workFile = workFile;
        }

        public Path workFile() {
            return workFile;
        }

        /** The copy of go.work.sum, with every line go added to it. */
        public Path sumFile() {
            return workFile.resolveSibling("go.work.sum");
        }

        /** {@code environment} with GOWORK set to the temporary go.work. */
        public Map<String, String> environment(Map<String, String> environment) {
            Map<String, String> result = new LinkedHashMap<>(environment);
            result.put("GOWORK", workFile.toString());
            return result;
        }

        @Override
        public void close() {
            try (Stream<Path> walk = Files.walk(workFile.getParent())) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // A leftover temporary directory holds only copies.
            }
        }
    }
}
