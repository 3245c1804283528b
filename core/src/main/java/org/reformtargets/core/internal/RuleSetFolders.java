package org.reformtargets.core.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Finds rule-set folders: the folder itself when it holds a manifest, else those below it. */
public final class RuleSetFolders {

    /** The name of the file that lists the rule-set ids of a {@code rulesets/} folder. */
    public static final String INDEX = "index.txt";

    private RuleSetFolders() {
    }

    /** The folders holding a {@code manifest.json}: {@code path} itself, or those up to four levels below, sorted. */
    public static List<Path> find(Path path) {
        Path p = path.toAbsolutePath().normalize();
        if (Files.isRegularFile(p.resolve(RuleSetCompiler.MANIFEST))) {
            return List.of(p);
        }
        if (!Files.isDirectory(p)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(p, 5)) {
            return walk.filter(f -> f.getFileName() != null && f.getFileName().toString().equals(RuleSetCompiler.MANIFEST)
                            && Files.isRegularFile(f))
                    .map(Path::getParent).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + p, e);
        }
    }

    /** The paths of the regular files in a rule-set folder, relative, with {@code /}, sorted. */
    public static List<String> files(Path dir) {
        Path d = dir.toAbsolutePath().normalize();
        try (Stream<Path> walk = Files.walk(d, 4)) {
            return walk.filter(Files::isRegularFile).map(f -> d.relativize(f).toString().replace('\\', '/')).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + d, e);
        }
    }

    /** The ids an {@code index.txt} lists, or {@code null} when {@code root} has none. */
    public static List<String> index(Path root) {
        Path f = root.toAbsolutePath().normalize().resolve(INDEX);
        if (!Files.isRegularFile(f)) {
            return null;
        }
        try {
            List<String> ids = new ArrayList<>();
            for (String l : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                String s = l.strip();
                if (!s.isEmpty() && !s.startsWith("#")) {
                    ids.add(s);
                }
            }
            return ids;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f, e);
        }
    }
}
